// The composition root: the only module that imports Electron for real. It wires the app service, the IPC gate,
// windows, tray, notifications and power events; everything it calls is tested without Electron.
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAppService, createCorePorts, createIpcDispatcher, createIpcHandlers, IpcRejectedError } from '../app';
import { resolveStateDir, type LocalSocketServer } from '../core/app-state';
import { resolveAwsFileLocations } from '../core/aws-files';
import { systemClock } from '../core/time/clock';
import { errorMessage } from '../shared/error-message';
import {
  createLabDeviceService,
  labSocketHandler,
  startLabSocketServer,
  type LabSocketServer,
} from '../core/lab-devices';
import { APP_CLI_FLAG, createWizardService, resolveCliInvocation } from '../core/onboarding';
import { runCli } from '../cli/program';
import { eventContract, type DashboardState } from '../shared/contract';
import { APP_ID, TOAST_ACTIVATOR_CLSID } from './app-identity';
import { desktopCliRuntime } from './cli-runtime';
import { administratorAppleScript, installCommand } from './command-install';
import { createDesktopNotifications } from './desktop-notifications';
import { isLoginLaunch, startupWindow } from './launch-intent';
import { createLoginItem, launchCommand } from './login-item';
import { createLabAutoRenewer } from './lab-auto-renew';
import { createFileLogger } from './logger';
import { createMinuteTicker } from './minute-ticker';
import { createNotifier } from './notifier';
import { startPromptSocketServer } from './prompt-socket';
import { createSafeStorageCipher } from './secret-cipher';
import { checkSender, guardSession, isAllowedExternalUrl } from './security';
import { createTrayPresenter, trayIconVariant } from './tray';
import { buildTrayView } from './tray-model';
import { createWindowManager } from './windows';

const development = !app.isPackaged;
const cliFlagAt = process.argv.indexOf(APP_CLI_FLAG);
if (cliFlagAt !== -1) {
  // CLI mode (`git mfa` in a packaged app, whose RunAsNode fuse is off): one command line, no tray, no window.
  // An Electron app never ends by itself, so a command that throws must end it too (exit 1, as under Node).
  const exitAfterOutput = (code: number) => process.stdout.write('', () => app.exit(code));
  runCli(process.argv.slice(cliFlagAt + 1)).then(
    () => exitAfterOutput(Number(process.exitCode ?? 0)),
    (error: unknown) => {
      process.stderr.write(`mfa-tray: ${errorMessage(error)}\n`);
      exitAfterOutput(1);
    },
  );
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') {
    // Before any notification: toasts need the installer shortcut's AUMID and one activator for every run.
    app.setAppUserModelId(APP_ID);
    app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
  }
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without its tray the app would run invisibly and hold the single-instance lock: say why and end.
      dialog.showErrorBox('MFA Tray could not start', errorMessage(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const log = createFileLogger({
    folder: join(app.getPath('userData'), 'logs'),
    ...(development && { echo: (line: string) => console.log(line) }),
  });
  process.on('uncaughtException', (error) => log.error('Uncaught exception', { error }));
  process.on('unhandledRejection', (error) => log.error('Unhandled rejection', { error }));
  if (process.platform === 'darwin') app.dock?.hide();

  const appPath = app.getAppPath();
  const rendererIndex = join(appPath, 'renderer', 'dist', 'index.html');
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
    createWindow: (options) =>
      new BrowserWindow(options) /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */,
    rendererIndex,
    preloadPath: join(appPath, 'dist', 'preload', 'preload.cjs'),
    iconPath: join(appPath, 'assets', 'tray', 'tray-valid-light@2x.png'),
    development,
    log,
    openExternal,
    isQuitting: () => quitting,
    // A menu-bar app's window opens behind the active app unless the app takes focus.
    focusApp: () => {
      if (process.platform === 'darwin') app.focus({ steal: true });
    },
    // Closing the token dialog is the answer "cancel" for programs waiting on it (git, SDKs over the prompt socket).
    onHidden: (role) => {
      if (role === 'token-dialog') void service.tokenDialogClosed();
    },
  });

  // Registered as soon as there are windows to show: a second launch during start-up focuses the dashboard too
  // (not a second login launch); relaunching from Finder while running is 'activate' on macOS.
  app.on('second-instance', (_event, argv) => {
    if (!isLoginLaunch({ argv, openedAtLoginOnMac: false })) windows.show('dashboard');
  });
  app.on('activate', () => windows.show('dashboard'));
  const loginItem = createLoginItem({
    platform: process.platform,
    env: process.env,
    home: homedir(),
    command: launchCommand({ execPath: process.execPath, env: process.env, packaged: app.isPackaged, appPath }),
    app,
  });

  const wizard = createWizardService({
    locations,
    clock: systemClock,
    cli: resolveCliInvocation(
      desktopCliRuntime({
        packaged: app.isPackaged,
        env: process.env,
        execPath: process.execPath,
        appPath,
        resourcesPath: process.resourcesPath,
        platform: process.platform,
      }),
    ),
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
    env: process.env,
  });
  // Lab devices (lab accounts only): secrets sealed by the OS keychain through safeStorage, usable after ready.
  const labDevices = createLabDeviceService({
    stateDir,
    locations,
    env: process.env,
    clock: systemClock,
    cipher: createSafeStorageCipher(safeStorage),
  });
  const service = createAppService({
    locations,
    stateDir,
    clock: systemClock,
    log,
    core: createCorePorts({
      locations,
      stateDir,
      env: process.env,
      clock: systemClock,
      isLabDevice: labDevices.isLabDevice,
    }),
    wizard,
    labDevices,
    platform: process.platform,
    shell: {
      writeClipboard: (text) => clipboard.writeText(text),
      openPath: (path) => shell.openPath(path),
      showTokenDialog: () => windows.show('token-dialog'),
      openDashboard: () => windows.show('dashboard'),
      openWizard: () => windows.show('wizard'),
      setStartAtLogin: (enabled) => loginItem.set(enabled),
    },
  });
  const dispatcher = createIpcDispatcher(
    createIpcHandlers(service, { closeSender: (caller) => windows.hideByWebContentsId(caller.senderId) }),
    log,
  );
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (args.length > 1) {
        log.warn('IPC call rejected', { channel, reason: `${args.length} arguments; the contract passes one` });
        throw new IpcRejectedError('Rejected: too many arguments.', 'too many arguments');
      }
      const check = checkSender(event.sender, event.senderFrame?.url, windows.webContentsIds(), rendererIndex);
      return dispatcher.dispatch(channel, check, args[0]);
    });
  }

  const tray = new Tray(nativeImage.createEmpty());
  const presenter = createTrayPresenter<Menu>({
    tray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadImage: (path) => nativeImage.createFromPath(path),
    iconFolder: join(appPath, 'assets', 'tray'),
    variant: () => trayIconVariant(process.platform, nativeTheme),
    actions: {
      renew: (target) => void service.openTokenDialog(target),
      renewDeviceRoles: (device) => void service.openDeviceRolesDialog(device),
      openDashboard: () => windows.show('dashboard'),
      openWizard: () => windows.show('wizard'),
      openPreferences: () => windows.show('settings'),
      setStartAtLogin: (enabled) => void service.updateSettings({ startAtLogin: enabled }),
      quit: () => app.quit(),
    },
    ...(process.platform === 'darwin' &&
      app.isPackaged && {
        extraItems: [{ label: 'Install “mfa-tray” Command…', click: () => void installMfaTrayCommand() }],
      }),
  });
  const installMfaTrayCommand = async () => {
    const result = await installCommand({
      launcher: join(process.resourcesPath, 'bin', 'mfa-tray'),
      runAsAdministrator: async (script) => {
        await promisify(execFile)('/usr/bin/osascript', ['-e', administratorAppleScript(script)]);
      },
    }).catch((error: unknown) => ({ ok: false, message: errorMessage(error) }));
    log.info('Install mfa-tray command', result);
    await dialog.showMessageBox({ type: result.ok ? 'info' : 'warning', message: result.message });
  };
  // A click opens the dashboard on Windows, and on Linux where the desktop reports an activation; on macOS a click
  // opens the menu instead (Electron emits no click for a tray with a menu), whose first action is the dashboard.
  tray.on('click', () => windows.show('dashboard'));
  nativeTheme.on('updated', () => presenter.refreshTheme());

  const desktopNotifications = createDesktopNotifications({
    platform: process.platform,
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    open: (target) => void service.openTokenDialog(target),
    unavailable: (notification, reason) => {
      log.warn('Notification not shown; the tray shows it', { reason });
      presenter.setAttention({ target: notification.target, label: `⚠ ${notification.body} Renew…` });
    },
  });
  const showNotification = desktopNotifications.show;
  // Windows: toast clicks, also from the Action Center after a restart (a click may be what started this run).
  if (process.platform === 'win32') Notification.handleActivation((details) => desktopNotifications.activate(details));
  let latest: DashboardState | undefined;
  const autoRenewer = createLabAutoRenewer({
    clock: systemClock,
    settings: () => latest?.settings ?? { autoRenewLabSessions: false, leadTimeMinutes: 15 },
    session: (target) => service.labSession(target),
    // Forced: at the lead time the session is still valid. The service refreshes the state after.
    renew: (target) => service.labDevices.renew({ target, force: true }),
    show: showNotification,
    log,
  });
  const notifier = createNotifier({
    clock: systemClock,
    leadTimeMinutes: 15,
    mutedSessions: [],
    show: showNotification,
    claim: autoRenewer.claim,
  });

  const render = (state: DashboardState) => {
    presenter.present(buildTrayView(state));
    ticker.update(
      state.sessions.some((s) => s.expiration !== undefined && Date.parse(s.expiration) > Date.parse(state.now)),
    );
  };
  const ticker = createMinuteTicker(systemClock, () => render(service.currentState()), {
    monotonicNow: () => performance.now(),
    onJump: () => replan('clock change'),
  });

  service.subscribe((event) => {
    const channel = eventContract[event.name].channel;
    for (const window of windows.all()) window.webContents.send(channel, event.payload);
    if (event.name === 'stateChanged') {
      latest = event.payload;
      render(event.payload);
      notifier.setSettings(event.payload.settings);
      notifier.setModel(service.expirySchedule());
    }
  });

  const initial = await service.start();
  latest = initial;
  render(initial);
  log.info('Tray ready', { sessions: initial.sessions.length });
  notifier.setSettings(initial.settings);
  notifier.setModel(service.expirySchedule());
  // The CLI's `mfa-tray devices` and `renew --device-code` reach the lab devices through this socket only.
  let labSocket: LabSocketServer | undefined;
  startLabSocketServer(stateDir, labSocketHandler(labDevices)).then(
    (server) => {
      labSocket = server;
      if (quitting) void server.close();
    },
    (error: unknown) => log.error('The lab device socket did not start', { error: errorMessage(error) }),
  );
  // git, IDEs and SDKs without a terminal ask for the token dialog through this socket (electron/core/prompt-broker).
  let promptSocket: LocalSocketServer | undefined;
  startPromptSocketServer(stateDir, service).then(
    (server) => {
      promptSocket = server;
      if (quitting) void server.close();
    },
    (error: unknown) => log.error('The prompt socket did not start', { error: errorMessage(error) }),
  );
  // Created hidden now so it appears instantly when asked for.
  windows.get('token-dialog');
  // A tray icon alone may be invisible (no StatusNotifier host on vanilla GNOME, Windows' overflow): a launch the
  // user asked for opens a window; a login launch stays in the tray.
  const firstWindow = startupWindow({
    argv: process.argv,
    openedAtLoginOnMac: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
    hasSessions: initial.sessions.length > 0,
  });
  if (firstWindow) windows.show(firstWindow);
  // An older version registered nothing on Linux, and an AppImage may have moved: make the entry match the setting.
  if (initial.settings.startAtLogin) {
    loginItem
      .set(true)
      .catch((error: unknown) => log.warn('Start at login not registered', { error: errorMessage(error) }));
  }

  const replan = (reason: string) => {
    log.info('Re-planning', { reason });
    notifier.replan();
    void service.refresh();
  };
  powerMonitor.on('resume', () => replan('resume'));
  powerMonitor.on('unlock-screen', () => replan('unlock-screen'));

  // The app lives in the tray: closing every window must not quit it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
    ticker.stop();
    notifier.stop();
    void labSocket?.close();
    void promptSocket?.close();
    service.close();
  });
}
