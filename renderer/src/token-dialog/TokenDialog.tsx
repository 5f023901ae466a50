// The token dialog: finds the session to renew (from the URL, or the request main pushed) and shows its form.
import { useEffect, useState } from 'react';
import type { TokenDialogContext } from '../../../electron/shared/contract';
import { bridge } from '../common/bridge';
import { useBridgeCall } from '../common/use-bridge-call';
import { TokenForm } from './TokenForm';

export function TokenDialog({ target }: { target: string | undefined }) {
  const [context, setContext] = useState<TokenDialogContext>();
  const [loadError, setLoadError] = useState<string>();
  const { run } = useBridgeCall((failure) => setLoadError(failure.message));

  useEffect(() => {
    const unsubscribe = bridge().onTokenDialogRequested(setContext);
    const cancel = target
      ? run(`Could not load the session ${target}`, (api) => api.getTokenDialogContext({ target }), setContext)
      : // Subscribed first, then asked: a request pushed while this window was still loading is not lost.
        run(
          'Could not find the session to renew',
          (api) => api.getRequestedTokenDialog(),
          ({ context }) => context && setContext((current) => current ?? context),
        );
    return () => {
      cancel();
      unsubscribe();
    };
  }, [target, run]);

  if (loadError) {
    return (
      <main className="dialog">
        <h1>Renew MFA session</h1>
        <p role="alert" className="error-text">
          {loadError}
        </p>
        <button type="button" onClick={() => run('Could not close the window', (api) => api.closeWindow())}>
          Close
        </button>
      </main>
    );
  }
  if (!context)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  // A new request (another session) starts a fresh form.
  return <TokenForm key={`${context.target}@${context.expiration ?? ''}`} context={context} />;
}
