// The one place action results appear (copied, folder opened, or why not), announced to screen readers.
import { useCallback, useState } from 'react';
import type { ActionResult } from '../../../electron/shared/contract';

export function useStatus(): [ActionResult | undefined, (result: ActionResult) => void] {
  const [status, setStatus] = useState<ActionResult>();
  const show = useCallback((result: ActionResult) => setStatus({ ...result }), []);
  return [status, show];
}

export function StatusMessage({ status }: { status: ActionResult | undefined }) {
  return (
    <div
      className={`status ${status ? (status.ok ? 'status-ok' : 'status-error') : 'status-empty'}`}
      role="status"
      aria-live="polite"
    >
      {status?.message}
    </div>
  );
}
