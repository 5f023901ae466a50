// The composition root: the only module that imports Electron for real. It wires the app service, the IPC gate,
// windows, tray, notifications and power events; everything it calls is tested without Electron.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, nativeTheme, Notification, powerMonitor, session, shell, Tray } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAppService, createCorePorts, createIpcDispatcher, IpcRejectedError } from '../core/app-service';
import { resolveStateDir } from '../core/app-state';
import { resolveAwsFileLocations } from '../core/aws-files';
import { systemClock } from '../core/expiry';
import { createWizardService, resolveCliInvocation } from '../core/onboarding';
import type { MfaSession } from '../core/profiles/types';
import { eventContract, type DashboardState, type EventName } from '../shared/ipc-contract';
import { createFileLogger } from './logger';
import { createMinuteTicker } from './minute-ticker';
import { createNotifier } from './notifier';
import { checkSender, guardSession, isAllowedExternalUrl } from './security';
import { createTrayPresenter } from './tray';
import { buildTrayView } from './tray-model';
import { createWindowManager } from './windows';

const development = !app.isPackaged;
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const log = createFileLogger({ folder: join(app.getPath('userData'), 'logs'), ...(development && { echo: (line: string) => console.log(line) }) });
  process.on('uncaughtException', (error) => log.error('Uncaught exception', { error }));
  process.on('unhandledRejection', (error) => log.error('Unhandled rejection', { error }));
  if (process.platform === 'darwin') app.dock?.hide();

  const appPath = app.getAppPath();
  const rendererIndex = join(appPath, 'renderer', 'dist', 'index.html');
  const rendererFileUrl = pathToFileURL(rendererIndex).href;
  const locations = resolveAwsFileLocations(process.env);
  const stateDir = resolveStateDir(process.env);
  let quitting = false;

  guardSession(session.defaultSession, log, development);
  const openExternal = (url: string) => {
    // Only https URLs to the hosts we link to (security.test.ts).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  };
  const windows = createWindowManager({
    // The options come from windowOptions(): contextIsolation, sandbox, no Node, Auxclick disabled (security.test.ts).
    createWindow: (options) => new BrowserWindow(options), /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
    rendererIndex,
    preloadPath: join(appPath, 'dist', 'preload', 'preload.cjs'),
    iconPath: join(appPath, 'assets', 'tray', 'tray-valid-light@2x.png'),
    development,
    log,
    openExternal,
    isQuitting: () => quitting,
  });

  const wizard = createWizardService({
    locations,
    clock: systemClock,
    cli: resolveCliInvocation({ execPath: process.execPath, cliScript: join(appPath, 'dist', 'cli', 'mfa-tray.js'), isElectron: true }),
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
    env: process.env,
  });
  const service = createAppService({
    locations,
    stateDir,
    clock: systemClock,
    log,
    core: createCorePorts({ locations, stateDir, env: process.env, now: () => Date.now(), isLabDevice: async () => false }),
    wizard,
    shell: {
      writeClipboard: (text) => clipboard.writeText(text),
      openPath: (path) => shell.openPath(path),
      showTokenDialog: () => windows.show('token-dialog'),
      hideSender: (caller) => windows.hideByWebContentsId(caller.senderId),
      openDashboard: () => windows.show('dashboard'),
      openWizard: () => windows.show('wizard'),
      setStartAtLogin: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    },
  });
  const dispatcher = createIpcDispatcher(service, log);
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (args.length > 1) {
        log.warn('IPC call rejected', { channel, reason: `${args.length} arguments; the contract passes one` });
        throw new IpcRejectedError('Rejected: too many arguments.', 'too many arguments');
      }
      const check = checkSender(event.sender, event.senderFrame?.url, windows.webContentsIds(), rendererFileUrl);
      return dispatcher.dispatch(channel, check, args[0]);
    });
  }

  const tray = new Tray(nativeImage.createEmpty());
  const presenter = createTrayPresenter({
    tray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadImage: (path) => nativeImage.createFromPath(path),
    iconFolder: join(appPath, 'assets', 'tray'),
    variant: () => (process.platform === 'darwin' ? 'template' : nativeTheme.shouldUseDarkColors ? 'dark' : 'light'),
    actions: {
      renew: (target) => void service.openTokenDialog({ target }, { senderId: -1 }),
      openDashboard: () => windows.show('dashboard'),
      openWizard: () => windows.show('wizard'),
      openPreferences: () => windows.show('settings'),
      setStartAtLogin: (enabled) => void service.updateSettings({ startAtLogin: enabled }, { senderId: -1 }),
      quit: () => app.quit(),
    },
  });
  // Left click opens the dashboard where the platform reports it (Windows, macOS); Linux trays use the menu.
  tray.on('click', () => windows.show('dashboard'));
  nativeTheme.on('updated', () => presenter.refreshTheme());

  const notifier = createNotifier({
    clock: systemClock,
    leadTimeMinutes: 15,
    mutedSessions: [],
    show: ({ title, body, target }) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body, actions: [{ type: 'button', text: 'Renew' }] });
      const open = () => void service.openTokenDialog({ target }, { senderId: -1 });
      notification.on('click', open);
      notification.on('action', open);
      notification.show();
    },
  });

  const render = (state: DashboardState) => {
    presenter.present(buildTrayView(state));
    ticker.update(state.sessions.some((s) => s.expiration !== undefined && Date.parse(s.expiration) > Date.parse(state.now)));
  };
  const ticker = createMinuteTicker(systemClock, () => render(service.currentState()));

  service.subscribe((event) => {
    const channel = eventContract[event.name as EventName].channel;
    for (const window of windows.all()) window.webContents.send(channel, event.payload);
    if (event.name === 'stateChanged') {
      render(event.payload);
      notifier.setSettings(event.payload.settings);
      notifier.setModel(expiryModel(event.payload));
    }
  });

  const initial = await service.start();
  render(initial);
  log.info('Tray ready', { sessions: initial.sessions.length });
  notifier.setSettings(initial.settings);
  notifier.setModel(expiryModel(initial));
  // Created hidden now so it appears instantly when asked for.
  windows.get('token-dialog');

  const replan = (reason: string) => {
    log.info('Re-planning', { reason });
    notifier.replan();
    void service.refresh();
  };
  powerMonitor.on('resume', () => replan('resume'));
  powerMonitor.on('unlock-screen', () => replan('unlock-screen'));

  app.on('second-instance', () => windows.show('dashboard'));
  // The app lives in the tray: closing every window must not quit it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
    ticker.stop();
    notifier.stop();
    service.close();
  });
}

/** The scheduler's view of the sessions, rebuilt from the state the service pushes. */
function expiryModel(state: DashboardState): { mfaSessions: MfaSession[]; roles: [] } {
  return {
    mfaSessions: state.sessions.map((session) => ({
      source: session.source,
      target: session.target,
      ...(session.device !== undefined && { device: session.device }),
      ...(session.expiration !== undefined && { expiration: new Date(session.expiration) }),
      pairedBy: 'explicit',
    })),
    roles: [],
  };
}
