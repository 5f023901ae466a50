// The fake BrowserWindow and its webContents. The window's page is a real Chromium page in the harness process:
// loads, shows and sends go there as messages; visibility and the handlers main installs are kept here, where
// main reads them synchronously as it would in Electron.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  LoadFileOptions,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { post, request } from './app-channel';

let nextWebContentsId = 1;
const windows = new Set<FakeBrowserWindow>();

export class FakeWebContents
  extends EventEmitter
  implements Pick<WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'getURL' | 'isDestroyed'>
{
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    post({ type: 'send', webContentsId: this.id, channel, args });
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type WindowSurface = Pick<
  BrowserWindow,
  | 'id'
  | 'webContents'
  | 'loadFile'
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'isFocused'
  | 'isMinimized'
  | 'restore'
  | 'isDestroyed'
  | 'close'
  | 'destroy'
  | 'getTitle'
>;

export class FakeBrowserWindow extends EventEmitter implements WindowSurface {
  readonly webContents: WebContents;
  readonly id: number;
  private readonly contents = new FakeWebContents();
  private visible = false;
  private focused = false;
  private destroyed = false;
  private readonly title: string;

  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows];
  }

  static fromWebContentsId(id: number): FakeBrowserWindow | undefined {
    return [...windows].find((window) => window.contents.id === id);
  }

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    // Main sees a WebContents; the fake implements the part of it main uses (checked above).
    this.webContents = this.contents as unknown as WebContents;
    this.id = this.contents.id;
    this.title = options.title ?? '';
    windows.add(this);
    const preferences = options.webPreferences ?? {};
    post({
      type: 'window-created',
      window: {
        webContentsId: this.contents.id,
        title: this.title,
        width: options.width ?? 800,
        height: options.height ?? 600,
        preload: preferences.preload,
        sandbox: preferences.sandbox,
        contextIsolation: preferences.contextIsolation,
        nodeIntegration: preferences.nodeIntegration,
      },
    });
    if (options.show !== false) this.show();
  }

  /** The contents the harness drives (the same object as webContents). */
  get fakeContents(): FakeWebContents {
    return this.contents;
  }

  async loadFile(filePath: string, options: LoadFileOptions = {}): Promise<void> {
    const url = new URL(pathToFileURL(filePath).href);
    if (options.hash) url.hash = options.hash;
    if (options.search) url.search = options.search;
    await this.loadURL(url.href);
  }

  async loadURL(url: string): Promise<void> {
    this.contents.url = url;
    await request({ type: 'window-load', webContentsId: this.contents.id, url });
    this.contents.emit('did-finish-load');
  }

  show(): void {
    this.visible = true;
    this.focused = true;
    this.emit('show');
    this.announce();
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
    this.announce();
  }

  focus(): void {
    this.focused = true;
    this.announce();
  }

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  getTitle(): string {
    return this.title;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like the title bar's close button: 'close' may be prevented (main hides instead). Returns whether it closed. */
  close(): boolean {
    if (this.destroyed) return true;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroy();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.contents.destroyed = true;
    windows.delete(this);
    post({ type: 'window-destroyed', webContentsId: this.contents.id });
    this.emit('closed');
    this.contents.emit('destroyed');
  }

  private announce(): void {
    if (this.destroyed) return;
    post({ type: 'window-visibility', webContentsId: this.contents.id, visible: this.visible, focused: this.focused });
  }
}
