// Our three windows. Each is created once and hidden instead of closed, so reopening is instant; the token dialog
// is created hidden at start and only shown when the user asks (tray item, notification click, dashboard button).
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { guardWebContents, secureWebPreferences, type GuardLog } from './security';

export type WindowRole = 'dashboard' | 'token-dialog' | 'wizard' | 'settings';

/** What the manager uses of a BrowserWindow (generic, so that tests pass typed fakes and main gets BrowserWindows back). */
export type ManagedWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'on' | 'hide' | 'show' | 'focus' | 'isMinimized' | 'restore' | 'isVisible' | 'loadFile'
> & { webContents: Pick<WebContents, 'id' | 'setWindowOpenHandler' | 'on' | 'getURL'> };

export interface WindowFactoryOptions<W extends ManagedWindow = BrowserWindow> {
  createWindow: (options: BrowserWindowConstructorOptions) => W;
  rendererIndex: string;
  preloadPath: string;
  iconPath: string;
  development: boolean;
  log: GuardLog;
  openExternal: (url: string) => void;
  /** True once the app is quitting: closing then really closes. */
  isQuitting: () => boolean;
  /** Brings the app to the front (macOS: app.focus({ steal: true })): a menu-bar app's window would otherwise open
   * behind the active app. Only show() calls it, and show() runs only on the user's request. */
  focusApp: () => void;
  /** Told whenever a window is hidden (its close button, Esc or Cancel in the page, a success closing itself). */
  onHidden?: (role: WindowRole) => void;
}

// Sizes are content sizes (useContentSize): title bars differ between Linux, Windows and macOS, and every screen
// is tested at these sizes (e2e/harness/window-fit.ts). The token dialog's tallest state (lab device + an error)
// fits 440×520.
const SHAPES: Record<WindowRole, BrowserWindowConstructorOptions> = {
  dashboard: { width: 960, height: 680, minWidth: 640, minHeight: 420, title: 'MFA Tray' },
  'token-dialog': {
    width: 440,
    height: 520,
    resizable: false,
    minimizable: false,
    maximizable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    title: 'Renew MFA session',
  },
  wizard: { width: 860, height: 720, minWidth: 640, minHeight: 520, title: 'Set up a contributor' },
  settings: { width: 560, height: 560, minWidth: 480, minHeight: 420, title: 'MFA Tray Preferences' },
};

export function windowOptions(
  role: WindowRole,
  options: Pick<WindowFactoryOptions, 'preloadPath' | 'iconPath' | 'development'>,
): BrowserWindowConstructorOptions {
  return {
    ...SHAPES[role],
    useContentSize: true,
    show: false,
    icon: options.iconPath,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.development),
  };
}

export interface WindowManager<W extends ManagedWindow = BrowserWindow> {
  get(role: WindowRole): W;
  /** Shows and focuses: only ever called on the user's request. */
  show(role: WindowRole): void;
  hideByWebContentsId(id: number): boolean;
  webContentsIds(): Set<number>;
  all(): W[];
  anyVisible(): boolean;
}

export function createWindowManager<W extends ManagedWindow = BrowserWindow>(
  options: WindowFactoryOptions<W>,
): WindowManager<W> {
  const windows = new Map<WindowRole, W>();

  function get(role: WindowRole): W {
    const existing = windows.get(role);
    if (existing && !existing.isDestroyed()) return existing;
    const window = options.createWindow(windowOptions(role, options));
    guardWebContents(window.webContents, options.log, options.openExternal);
    window.on('close', (event) => {
      if (options.isQuitting()) return;
      event.preventDefault();
      window.hide();
    });
    window.on('hide', () => options.onHidden?.(role));
    void window.loadFile(options.rendererIndex, { hash: `/${role}` });
    windows.set(role, window);
    return window;
  }

  return {
    get,
    show(role) {
      const window = get(role);
      if (window.isMinimized()) window.restore();
      options.focusApp();
      window.show();
      window.focus();
    },
    hideByWebContentsId(id) {
      const window = [...windows.values()].find(
        (candidate) => !candidate.isDestroyed() && candidate.webContents.id === id,
      );
      window?.hide();
      return window !== undefined;
    },
    webContentsIds: () =>
      new Set([...windows.values()].filter((window) => !window.isDestroyed()).map((window) => window.webContents.id)),
    all: () => [...windows.values()].filter((window) => !window.isDestroyed()),
    anyVisible: () => [...windows.values()].some((window) => !window.isDestroyed() && window.isVisible()),
  };
}
