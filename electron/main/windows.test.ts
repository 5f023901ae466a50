import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createWindowManager, type ManagedWindow } from './windows';

type Steps = string[];

function fakeWindow(id: number, steps: Steps): ManagedWindow {
  let visible = false;
  const handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  const emit = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((handler) => handler(...args));
  const window: ManagedWindow = {
    isDestroyed: () => false,
    on: ((event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return window;
    }) as never,
    hide: () => {
      visible = false;
      emit('hide');
    },
    show: () => void (steps.push(`show ${id}`), (visible = true)),
    focus: () => void steps.push(`focus ${id}`),
    isMinimized: () => false,
    restore: () => undefined,
    isVisible: () => visible,
    loadFile: async () => undefined,
    webContents: { id, setWindowOpenHandler: () => undefined, on: () => window.webContents as never, getURL: () => '' },
  };
  return window;
}

describe('the window manager', () => {
  it('brings the app to the front before showing a window, and only when a window is shown', () => {
    const steps: Steps = [];
    const created: BrowserWindowConstructorOptions[] = [];
    const windows = createWindowManager({
      createWindow: (options) => (created.push(options), fakeWindow(created.length, steps)),
      rendererIndex: '/app/renderer/dist/index.html',
      preloadPath: '/app/dist/preload/preload.cjs',
      iconPath: '/app/icon.png',
      development: false,
      log: { warn: () => undefined },
      openExternal: () => undefined,
      isQuitting: () => false,
      focusApp: () => void steps.push('focus app'),
    });
    windows.get('token-dialog');
    expect(steps).toEqual([]);
    windows.show('dashboard');
    expect(steps).toEqual(['focus app', 'show 2', 'focus 2']);
    expect(created.map((options) => options.webPreferences?.spellcheck)).toEqual([false, false]);
  });

  it('tells main which window was hidden, so a closed token dialog answers its waiting programs "cancelled"', () => {
    const hidden: string[] = [];
    const windows = createWindowManager({
      createWindow: () => fakeWindow(7, []),
      rendererIndex: '/app/renderer/dist/index.html',
      preloadPath: '/app/dist/preload/preload.cjs',
      iconPath: '/app/icon.png',
      development: false,
      log: { warn: () => undefined },
      openExternal: () => undefined,
      isQuitting: () => false,
      focusApp: () => undefined,
      onHidden: (role) => hidden.push(role),
    });
    windows.show('token-dialog');
    expect(windows.hideByWebContentsId(7)).toBe(true);
    expect(hidden).toEqual(['token-dialog']);
  });
});
