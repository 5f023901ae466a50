// The fake `electron` module the app process resolves instead of Electron's (register.ts): the main-process
// API main.ts imports, each part typed against Electron's own declarations. It also answers the harness: the
// user's actions (tray, notifications, power events, quit) and the pages' ipcRenderer.invoke calls.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { onCommand, onInvoke } from './app-channel';
import { FakeApp } from './fake-app';
import { FakeBrowserWindow } from './fake-browser-window';
import { FakeNotification } from './fake-notification';
import {
  clipboard,
  dialog,
  ipcMain,
  nativeTheme,
  powerMonitor,
  recorded,
  safeStorage,
  session,
  shell,
} from './fake-system';
import { FakeMenu, FakeTray, nativeImage } from './fake-tray';
import type { AppCommand, AppSnapshot } from './protocol';

export const app = new FakeApp();
app.closeAllWindows = () => FakeBrowserWindow.getAllWindows().every((window) => window.close());

export {
  clipboard,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  powerMonitor,
  safeStorage,
  session,
  shell,
  FakeBrowserWindow as BrowserWindow,
  FakeMenu as Menu,
  FakeNotification as Notification,
  FakeTray as Tray,
};

const guardDecisions: string[] = [];

function snapshot(): AppSnapshot {
  const defaultSession = session.defaultSession;
  return {
    ready: app.isReady(),
    quitting: app.isQuitting(),
    tray: FakeTray.current?.snapshot(),
    notifications: FakeNotification.all.map((notification) => notification.snapshot()),
    loginItem: app.loginItemRecord(),
    clipboardWrites: recorded.clipboardWrites,
    openedPaths: [...recorded.openedPaths],
    openedExternal: [...recorded.openedExternal],
    errorBoxes: [...recorded.errorBoxes],
    ipcChannels: [...ipcMain.handlers.keys()],
    session: {
      permissionRequestHandler: defaultSession.permissionRequestHandler !== undefined,
      permissionCheckHandler: defaultSession.permissionCheckHandler !== undefined,
      beforeRequest: defaultSession.beforeRequest !== undefined,
      headersReceived: defaultSession.headersReceived !== undefined,
    },
    windows: FakeBrowserWindow.getAllWindows().map((window) => ({
      webContentsId: window.webContents.id,
      title: window.getTitle(),
      url: window.webContents.getURL(),
      visible: window.isVisible(),
      destroyed: window.isDestroyed(),
    })),
    guardDecisions: [...guardDecisions],
  };
}

function windowOf(webContentsId: number): FakeBrowserWindow {
  const window = FakeBrowserWindow.fromWebContentsId(webContentsId);
  if (!window) throw new Error(`no window has webContents ${webContentsId}`);
  return window;
}

function run(command: AppCommand): unknown {
  switch (command.kind) {
    case 'snapshot':
      return snapshot();
    case 'click-tray':
      FakeTray.current?.emit('click', {}, {}, {});
      return snapshot();
    case 'click-tray-menu-item': {
      const menu = FakeTray.current?.menu;
      if (!menu) throw new Error('the tray has no context menu');
      menu.click(command.label);
      return snapshot();
    }
    case 'click-notification': {
      const notification = FakeNotification.all[command.index];
      if (!notification) throw new Error(`no notification #${command.index} (${FakeNotification.all.length} shown)`);
      notification.click(command.action);
      return snapshot();
    }
    case 'power':
      powerMonitor.emit(command.event);
      return snapshot();
    case 'close-window':
      windowOf(command.webContentsId).close();
      return snapshot();
    case 'window-open': {
      const handler = windowOf(command.webContentsId).fakeContents.windowOpenHandler;
      const decision = handler
        ? handler({
            url: command.url,
            frameName: '',
            features: '',
            disposition: 'new-window',
            referrer: { url: '', policy: 'default' },
          } as never)
        : { action: 'allow' as const };
      guardDecisions.push(`window.open ${command.url}: ${decision.action}`);
      return decision.action;
    }
    case 'will-navigate': {
      let prevented = false;
      windowOf(command.webContentsId).fakeContents.emit(
        'will-navigate',
        { preventDefault: () => (prevented = true), url: command.url },
        command.url,
      );
      guardDecisions.push(`navigate ${command.url}: ${prevented ? 'prevented' : 'allowed'}`);
      return prevented ? 'prevented' : 'allowed';
    }
    case 'quit':
      app.quit();
      return undefined;
  }
}
onCommand(run);

// ipcRenderer.invoke from a page: Electron's event facts (sender, senderFrame), one registered handler per channel,
// and the error text ipcRenderer.invoke rejects with.
onInvoke(async ({ webContentsId, frameUrl, channel, args }) => {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) return { ok: false, message: `Error: No handler registered for '${channel}'` };
  const sender = (FakeBrowserWindow.fromWebContentsId(webContentsId)?.webContents ?? {
    id: webContentsId,
  }) as WebContents;
  const event = {
    sender,
    senderFrame: { url: frameUrl },
    frameId: 1,
    processId: 1,
    type: 'frame',
    preventDefault: () => undefined,
    defaultPrevented: false,
  } as unknown as IpcMainInvokeEvent;
  try {
    return { ok: true, value: await handler(event, ...args) };
  } catch (error) {
    return { ok: false, message: String(error) };
  }
});
