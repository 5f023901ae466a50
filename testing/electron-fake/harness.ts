// The test side: starts the BUILT main bundle (dist/main/main.js) in its own Node process under the fake
// `electron`, as `npm start` would start it (app folder = the repository), and gives each of its windows a real
// Chromium page in this process's browser, showing what main loads, with the built preload wired to main's
// handlers. Tests drive it only as a user would: tray, notifications, pages, power events, a second launch, quit.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DELIVER_FUNCTION, INVOKE_BINDING, preloadScript } from './page-preload';
import type { AppCommand, AppSnapshot, FromApp, ToApp, WindowFacts } from './protocol';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_BUNDLE = join(REPO_ROOT, 'dist', 'main', 'main.js');
const REGISTER = fileURLToPath(new URL('./register.ts', import.meta.url));

export interface LaunchOptions {
  /** The Chromium the windows open in; each launch gets its own browser context. */
  browser: Browser;
  env: Record<string, string>;
  /** Command-line arguments after the app folder (`electron . ARGS`). */
  args?: string[];
}

export interface AppWindow {
  facts: WindowFacts;
  page: Page;
  visible: boolean;
  focused: boolean;
  loaded: boolean;
}

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class FakeElectronApp {
  readonly windows = new Map<number, AppWindow>();
  /** What went wrong on the harness side (a page that could not be created or loaded). */
  readonly problems: string[] = [];
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextCallId = 1;
  private out = '';
  private err = '';
  private lingering: string[] | undefined;
  private readonly exit: Promise<AppExit>;
  private context: Promise<BrowserContext> | undefined;
  /** The window each page stands for (a foreign frame's page: the window it pretends to be in). */
  private readonly webContentsIds = new Map<Page, number>();

  constructor(
    private readonly child: ChildProcess,
    private readonly browser: Browser | undefined,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.out += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.err += chunk));
    child.on('message', (message) =>
      this.receive(message as FromApp).catch((error: unknown) => this.problems.push(String(error))),
    );
    this.exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    void this.exit.then(() => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`the app process ended\n${this.err}`));
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stdout(): string {
    return this.out;
  }

  stderr(): string {
    return this.err;
  }

  exited(): Promise<AppExit> {
    return this.exit;
  }

  /** The process ends by itself within `timeoutMs` (after quit): else what still keeps it alive. */
  async waitForExit(timeoutMs = 20_000): Promise<AppExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `the app process did not end within ${timeoutMs} ms; still open: ${this.lingering?.join(', ') ?? 'unknown'}\n${this.err}`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  command(command: AppCommand): Promise<unknown> {
    if (!this.child.connected) return Promise.reject(new Error(`the app process has ended\n${this.err}`));
    const callId = this.nextCallId++;
    return new Promise((resolve, reject) => {
      this.pending.set(callId, { resolve, reject });
      this.send({ type: 'command', callId, command });
    });
  }

  async snapshot(): Promise<AppSnapshot> {
    return (await this.command({ kind: 'snapshot' })) as AppSnapshot;
  }

  clickTrayMenuItem(label: string): Promise<unknown> {
    return this.command({ kind: 'click-tray-menu-item', label });
  }

  clickNotification(index: number, action?: number): Promise<unknown> {
    return this.command({ kind: 'click-notification', index, ...(action !== undefined && { action }) });
  }

  power(event: Extract<AppCommand, { kind: 'power' }>['event']): Promise<unknown> {
    return this.command({ kind: 'power', event });
  }

  quit(): Promise<unknown> {
    return this.command({ kind: 'quit' });
  }

  /** The window showing `#/route` (hash route of the renderer), once main has loaded it. */
  window(route: string): AppWindow | undefined {
    return [...this.windows.values()].find(
      (window) => window.loaded && new URL(window.page.url()).hash.split('?')[0] === `#/${route}`,
    );
  }

  /** Waits until the `route` window is shown (main called show()), and returns its page. */
  async shown(route: string, timeoutMs = 20_000): Promise<Page> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const window = this.window(route);
      if (window?.visible) return window.page;
      if (Date.now() > deadline)
        throw new Error(
          `no visible #/${route} window after ${timeoutMs} ms: ${[...this.windows.values()].map((w) => `${w.page.url()} ${w.visible ? 'shown' : 'hidden'}`).join('; ')}`,
        );
      await timers.setTimeout(25);
    }
  }

  /**
   * A page at `url` whose preload calls arrive as if from `webContentsId`'s window: a frame of our window showing
   * something else (or a window that is not ours, with an unknown id).
   */
  async foreignFrame(url: string, webContentsId: number, preloadPath: string): Promise<Page> {
    const page = await (await this.browserContext()).newPage();
    await this.bind(page, webContentsId, preloadPath);
    await page.goto(url);
    return page;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.kill();
    await this.exit;
    // Pages still being created or bound finish first, so closing the context cannot race them.
    await Promise.allSettled(this.ready.values());
    if (this.context) await (await this.context).close();
  }

  private send(message: ToApp): void {
    if (this.child.connected) this.child.send(message);
  }

  private browserContext(): Promise<BrowserContext> {
    if (!this.browser) throw new Error('this launch has no browser (CLI mode)');
    this.context ??= this.browser.newContext().then(async (context) => {
      // Once for the context, before any page exists: a binding exposed page by page, while main opens several
      // windows at once, was once missing from one of them ("w[invokeBinding] is not a function").
      await context.exposeBinding(INVOKE_BINDING, async ({ page, frame }, channel: string, args: unknown[]) => {
        const webContentsId = this.webContentsIds.get(page);
        if (webContentsId === undefined) return { ok: false, message: 'a page the app never opened' };
        const callId = this.nextCallId++;
        return new Promise((resolve, reject) => {
          this.pending.set(callId, { resolve, reject });
          this.send({ type: 'invoke', callId, webContentsId, frameUrl: frame.url(), channel, args });
        }).then(
          (value) => ({ ok: true, value }),
          (error: Error) => ({ ok: false, message: error.message }),
        );
      });
      return context;
    });
    return this.context;
  }

  /** Calls from `page` arrive as if from `webContentsId`'s window, whose preload it runs. */
  private async bind(page: Page, webContentsId: number, preloadPath: string): Promise<void> {
    this.webContentsIds.set(page, webContentsId);
    await page.addInitScript({ content: preloadScript(preloadPath) });
  }

  private async receive(message: FromApp): Promise<void> {
    switch (message.type) {
      case 'reply': {
        const waiter = this.pending.get(message.callId);
        this.pending.delete(message.callId);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(message.message));
        return;
      }
      case 'window-created': {
        // Synchronously, so that a load or show that follows at once finds the window.
        const id = message.window.webContentsId;
        this.visibility.set(id, { visible: false, focused: false });
        this.ready.set(
          id,
          (async () => {
            const page = await (await this.browserContext()).newPage();
            await page.setViewportSize({ width: message.window.width, height: message.window.height });
            if (!message.window.preload) throw new Error('every window of ours has a preload');
            await this.bind(page, id, message.window.preload);
            this.windows.set(id, { facts: message.window, page, loaded: false, ...this.visibility.get(id)! });
          })(),
        );
        // Recorded, not thrown: a page still being set up when a test ends must not fail it after the fact.
        this.ready.get(id)!.catch((error: unknown) => this.problems.push(String(error)));
        return;
      }
      case 'window-load': {
        try {
          await this.ready.get(message.webContentsId);
          const window = this.windows.get(message.webContentsId)!;
          await window.page.goto(message.url);
          window.loaded = true;
          this.send({ type: 'reply', callId: message.callId, ok: true });
        } catch (error) {
          this.send({ type: 'reply', callId: message.callId, ok: false, message: String(error) });
        }
        return;
      }
      case 'window-visibility': {
        const state = { visible: message.visible, focused: message.focused };
        this.visibility.set(message.webContentsId, state);
        const window = this.windows.get(message.webContentsId);
        if (window) Object.assign(window, state);
        return;
      }
      case 'window-destroyed': {
        await this.ready.get(message.webContentsId);
        const window = this.windows.get(message.webContentsId);
        this.windows.delete(message.webContentsId);
        await window?.page.close();
        return;
      }
      case 'send': {
        await this.ready.get(message.webContentsId);
        const page = this.windows.get(message.webContentsId)?.page;
        if (!page || page.isClosed()) return;
        await page
          .evaluate(
            ([deliver, channel, args]) =>
              (window as unknown as Record<string, (c: string, a: unknown[]) => void>)[deliver]?.(channel, args),
            [DELIVER_FUNCTION, message.channel, message.args] as const,
          )
          .catch(() => undefined);
        return;
      }
      case 'lingering':
        this.lingering = message.resources;
        return;
    }
  }

  /** Per window: its page is created and bound (messages for it wait for this). */
  private readonly ready = new Map<number, Promise<void>>();
  private readonly visibility = new Map<number, { visible: boolean; focused: boolean }>();
}

/** Starts the built main bundle under the fake (`electron . ARGS`), its windows in `browser`. */
export function launchApp(options: LaunchOptions): FakeElectronApp {
  const child = fork(MAIN_BUNDLE, options.args ?? [], {
    cwd: REPO_ROOT,
    env: { ...options.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    execArgv: ['--import', 'tsx', '--import', REGISTER],
    serialization: 'advanced',
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  return new FakeElectronApp(child, options.browser);
}

/** The packaged app's CLI mode (`electron . --mfa-tray-cli ARGS`): no windows, just output and an exit code. */
export async function runAppCli(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = fork(MAIN_BUNDLE, ['--mfa-tray-cli', ...args], {
    cwd: REPO_ROOT,
    env: { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    execArgv: ['--import', 'tsx', '--import', REGISTER],
    serialization: 'advanced',
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  child.stdin?.end();
  const app = new FakeElectronApp(child, undefined);
  const exit = await app.waitForExit(30_000);
  return { code: exit.code, stdout: app.stdout(), stderr: app.stderr() };
}
