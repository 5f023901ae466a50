// No MFA session or role yet: say where we looked and lead to the wizard.
import type { DashboardState } from '../../../electron/shared/contract';

export function EmptyState({ files, onStart }: { files: DashboardState['files']; onStart: () => void }) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No MFA sessions yet</h2>
      <p>
        MFA Tray looked in <span className="mono">{files.config}</span> and{' '}
        <span className="mono">{files.credentials}</span> and found no profile that uses an MFA device.
      </p>
      <p>
        The setup wizard creates the three profiles your team needs in a few steps, and shows every change before it
        writes.
      </p>
      <button type="button" className="primary" onClick={onStart}>
        Start the setup wizard
      </button>
    </section>
  );
}
