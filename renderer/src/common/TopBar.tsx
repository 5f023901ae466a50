// The bar at the top of every full window (dashboard, settings, lab devices, wizard): the screen's name, its
// one-line summary, and the links between the screens, named the same everywhere.
import type { ReactNode } from 'react';

const SCREEN_LINKS = {
  dashboard: { href: '#/dashboard', label: 'Back to dashboard' },
  devices: { href: '#/devices', label: 'Lab devices' },
  settings: { href: '#/settings', label: 'Settings' },
} as const;

export type ScreenLink = keyof typeof SCREEN_LINKS;

interface Props {
  title: string;
  /** The lab badge beside the title, e.g. "Lab accounts only". */
  labBadge?: string;
  summary?: ReactNode;
  nav?: {
    /** The navigation's accessible name, e.g. "Settings navigation". */
    label: string;
    /** Buttons for the screen's own actions, before the links. */
    actions?: ReactNode;
    links: readonly ScreenLink[];
  };
  /** Below the title row, e.g. the wizard's steps. */
  children?: ReactNode;
}

export function TopBar({ title, labBadge, summary, nav, children }: Props) {
  return (
    <header className="topbar">
      <h1>{title}</h1>
      {labBadge && <span className="badge lab">{labBadge}</span>}
      {summary !== undefined && <p className="muted summary">{summary}</p>}
      {nav && (
        <nav className="topbar-actions" aria-label={nav.label}>
          {nav.actions}
          {nav.links.map((link) => (
            <a key={link} className="button" href={SCREEN_LINKS[link].href}>
              {SCREEN_LINKS[link].label}
            </a>
          ))}
        </nav>
      )}
      {children}
    </header>
  );
}
