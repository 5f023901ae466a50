// What a screen shows until what it draws has arrived (useBridgeLoad): a status while loading; if loading failed,
// the screen's top bar (its name stays the page's heading) and the reason.
import type { Load } from './use-bridge-call';
import { TopBar } from './TopBar';

interface Props {
  load: Exclude<Load<unknown>, { status: 'ready' }>;
  /** The screen's title, as its TopBar shows it. */
  title: string;
  label: string;
}

export function Loading({ load, title, label }: Props) {
  if (load.status === 'loading') {
    return (
      <p className="loading" role="status">
        {label}
      </p>
    );
  }
  return (
    <div className="app">
      <TopBar title={title} />
      <main className="page">
        <p role="alert" className="error-text">
          {load.message}
        </p>
      </main>
    </div>
  );
}
