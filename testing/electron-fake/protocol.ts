// The messages between the harness (the Playwright test process, which owns Chromium) and the app process (the
// built main bundle running under the fake `electron`). Sent over Node's IPC channel with structured clone.

/** What a user (or the OS) does to the app: the only ways a flow drives it. */
export type AppCommand =
  | { kind: 'snapshot' }
  | { kind: 'click-tray' }
  /** Clicks the first enabled item of the tray's current context menu whose label starts with `label`. */
  | { kind: 'click-tray-menu-item'; label: string }
  | { kind: 'click-notification'; index: number; action?: number }
  | { kind: 'power'; event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' }
  /** The user closes a window with its title bar button. */
  | { kind: 'close-window'; webContentsId: number }
  /** The page called window.open (or a link asked for a new window). */
  | { kind: 'window-open'; webContentsId: number; url: string }
  /** The page navigates away by itself (a link, a form, location.href). */
  | { kind: 'will-navigate'; webContentsId: number; url: string }
  | { kind: 'quit' };

export type ToApp =
  | { type: 'command'; callId: number; command: AppCommand }
  | { type: 'invoke'; callId: number; webContentsId: number; frameUrl: string; channel: string; args: unknown[] }
  | { type: 'reply'; callId: number; ok: boolean; value?: unknown; message?: string };

export interface WindowFacts {
  webContentsId: number;
  title: string;
  width: number;
  height: number;
  preload: string | undefined;
  sandbox: boolean | undefined;
  contextIsolation: boolean | undefined;
  nodeIntegration: boolean | undefined;
}

export type FromApp =
  | { type: 'window-created'; window: WindowFacts }
  | { type: 'window-load'; callId: number; webContentsId: number; url: string }
  | { type: 'window-visibility'; webContentsId: number; visible: boolean; focused: boolean }
  | { type: 'window-destroyed'; webContentsId: number }
  | { type: 'send'; webContentsId: number; channel: string; args: unknown[] }
  | { type: 'reply'; callId: number; ok: boolean; value?: unknown; message?: string }
  /** After quit or exit: what still keeps the process alive, if it has not ended within a moment. */
  | { type: 'lingering'; resources: string[] };

export interface MenuItemSnapshot {
  label: string;
  type: string;
  enabled: boolean;
  checked: boolean;
}

export interface NotificationSnapshot {
  title: string;
  body: string;
  actions: string[];
  shown: boolean;
}

/** Everything the fake recorded that a test may look at. */
export interface AppSnapshot {
  ready: boolean;
  quitting: boolean;
  tray:
    | { destroyed: boolean; image: string | undefined; tooltip: string; menu: MenuItemSnapshot[]; menuBuilds: number }
    | undefined;
  notifications: NotificationSnapshot[];
  loginItem: { openAtLogin: boolean; calls: number };
  clipboardWrites: number;
  openedPaths: string[];
  openedExternal: string[];
  errorBoxes: { title: string; content: string }[];
  ipcChannels: string[];
  session: {
    permissionRequestHandler: boolean;
    permissionCheckHandler: boolean;
    beforeRequest: boolean;
    headersReceived: boolean;
  };
  windows: { webContentsId: number; title: string; url: string; visible: boolean; destroyed: boolean }[];
  /** What main's handlers answered when the fake asked (window.open, will-navigate): 'deny' / 'prevented' / 'allowed'. */
  guardDecisions: string[];
}
