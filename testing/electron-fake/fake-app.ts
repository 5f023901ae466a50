// The fake `app`: lifecycle (ready, quit, exit), the single-instance lock between real processes, paths and the
// login item. Electron's order is kept: quit emits before-quit, closes every window (their 'close' handlers run),
// then will-quit and quit; exit ends at once with no events.
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App, LoginItemSettings, Settings } from 'electron';
import { release } from './app-channel';

type AppSurface = Pick<
  App,
  | 'whenReady'
  | 'isReady'
  | 'requestSingleInstanceLock'
  | 'getPath'
  | 'getAppPath'
  | 'getName'
  | 'getVersion'
  | 'isPackaged'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
  | 'quit'
  | 'exit'
  | 'focus'
  | 'dock'
>;

/** The folder `electron .` was started in: the nearest package.json above the main script. */
function appFolder(): string {
  let folder = dirname(process.argv[1] ?? process.cwd());
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${process.argv[1]}`);
    folder = parent;
  }
  return folder;
}

export class FakeApp extends EventEmitter implements AppSurface {
  readonly isPackaged = false;
  readonly dock = undefined;
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private readonly folder = appFolder();
  private readonly packageJson = JSON.parse(readFileSync(join(this.folder, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
  };
  private loginItem = { openAtLogin: false, calls: 0 };
  private lock: { path: string; server: Server } | undefined;
  private quitting = false;
  focusCalls = 0;
  /** Windows to close on quit, registered by the fake BrowserWindow. */
  closeAllWindows: () => boolean = () => true;

  constructor() {
    super();
    // Electron is ready after the main script's first turn has run.
    this.readyPromise = new Promise((resolve) =>
      setImmediate(() => {
        this.ready = true;
        this.emit('ready');
        resolve();
      }),
    );
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getName(): string {
    return this.packageJson.productName ?? this.packageJson.name;
  }

  getVersion(): string {
    return this.packageJson.version;
  }

  getAppPath(): string {
    return this.folder;
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    const home = process.env.HOME ?? homedir();
    const appData = process.env.XDG_CONFIG_HOME ?? join(home, '.config');
    switch (name) {
      case 'home':
        return home;
      case 'appData':
        return appData;
      case 'userData':
        return join(appData, this.getName());
      case 'temp':
        return process.env.TMPDIR ?? '/tmp';
      case 'logs':
        return join(appData, this.getName(), 'logs');
      default:
        throw new Error(`the fake app has no path '${name}'`);
    }
  }

  /** Chromium's rule: one lock per user data folder; a second process hands its argv to the first and gets false. */
  requestSingleInstanceLock(): boolean {
    const folder = this.getPath('userData');
    mkdirSync(folder, { recursive: true });
    const lockPath = join(folder, 'SingletonLock');
    const socketPath = join(folder, 'SingletonSocket');
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
    } catch {
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (isAlive(owner)) {
        const socket = createConnection(socketPath, () =>
          socket.end(JSON.stringify({ argv: process.argv, cwd: process.cwd() })),
        );
        socket.on('error', () => undefined);
        return false;
      }
      rmSync(lockPath, { force: true });
      return this.requestSingleInstanceLock();
    }
    rmSync(socketPath, { force: true });
    const server = createServer((socket) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => {
        const { argv, cwd } = JSON.parse(text) as { argv: string[]; cwd: string };
        this.emit('second-instance', { preventDefault: () => undefined }, argv, cwd, {});
      });
    });
    server.listen(socketPath);
    this.lock = { path: lockPath, server };
    return true;
  }

  setLoginItemSettings(settings: Settings): void {
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false, calls: this.loginItem.calls + 1 };
  }

  getLoginItemSettings(): LoginItemSettings {
    return {
      openAtLogin: this.loginItem.openAtLogin,
      wasOpenedAtLogin: false,
      status: this.loginItem.openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.loginItem.openAtLogin,
      launchItems: [],
    };
  }

  loginItemRecord(): { openAtLogin: boolean; calls: number } {
    return { ...this.loginItem };
  }

  focus(): void {
    this.focusCalls++;
  }

  isQuitting(): boolean {
    return this.quitting;
  }

  quit(): void {
    if (this.quitting) return;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.quitting = true;
    if (!this.closeAllWindows()) {
      this.quitting = false;
      return;
    }
    let willQuitPrevented = false;
    this.emit('will-quit', { preventDefault: () => (willQuitPrevented = true) });
    if (willQuitPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', {}, 0);
    this.end();
  }

  exit(exitCode = 0): void {
    this.end();
    process.exit(exitCode);
  }

  /** Electron's process ends here; the fake's ends when nothing main opened is left (see app-channel.ts). */
  private end(): void {
    this.quitting = true;
    if (this.lock) {
      this.lock.server.close();
      rmSync(this.lock.path, { force: true });
      this.lock = undefined;
    }
    release();
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
