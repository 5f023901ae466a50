// The rest of the main-process API main uses: ipcMain, nativeTheme, powerMonitor, safeStorage, the default
// session, shell, clipboard and dialog. Each records what main asked of it; none reaches the real desktop.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  Clipboard,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  NativeTheme,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PowerMonitor,
  SafeStorage,
  Session,
  Shell,
} from 'electron';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler for a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeNativeTheme
  extends EventEmitter
  implements Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseHighContrastColors' | 'themeSource'>
{
  shouldUseDarkColors = false;
  shouldUseHighContrastColors = false;
  themeSource: NativeTheme['themeSource'] = 'system';
}
export const nativeTheme = new FakeNativeTheme();

class FakePowerMonitor extends EventEmitter implements Pick<PowerMonitor, 'getSystemIdleState' | 'isOnBatteryPower'> {
  getSystemIdleState(): 'active' {
    return 'active';
  }

  isOnBatteryPower(): boolean {
    return false;
  }
}
export const powerMonitor = new FakePowerMonitor();

// A keychain that really encrypts (AES-256-GCM) under a key fixed for the fake, so a second launch can decrypt.
const KEY = createHash('sha256').update('mfa-tray fake electron keychain').digest();
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  setUsePlainTextEncryption: () => undefined,
  encryptString(plainText: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', KEY, iv);
    const sealed = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  },
  decryptString(encrypted: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', KEY, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  },
} satisfies Pick<
  SafeStorage,
  | 'isEncryptionAvailable'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
  | 'encryptString'
  | 'decryptString'
>;

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type BeforeRequestListener = Extract<
  Parameters<Session['webRequest']['onBeforeRequest']>[0],
  (...args: never[]) => unknown
>;
type HeadersReceivedListener = Extract<
  Parameters<Session['webRequest']['onHeadersReceived']>[0],
  (...args: never[]) => unknown
>;

class FakeSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  beforeRequest: BeforeRequestListener | undefined;
  headersReceived: HeadersReceivedListener | undefined;
  // Each takes (listener) or (filter, listener); the listener is the last argument either way.
  readonly webRequest = {
    onBeforeRequest: (...args: [unknown, BeforeRequestListener | null] | [BeforeRequestListener | null]) =>
      void (this.beforeRequest = args.at(-1) as BeforeRequestListener | undefined),
    onHeadersReceived: (...args: [unknown, HeadersReceivedListener | null] | [HeadersReceivedListener | null]) =>
      void (this.headersReceived = args.at(-1) as HeadersReceivedListener | undefined),
  } satisfies Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export const recorded = {
  clipboardWrites: 0,
  openedPaths: [] as string[],
  openedExternal: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],
};

export const shell = {
  openPath: async (path: string) => {
    recorded.openedPaths.push(path);
    return '';
  },
  openExternal: async (url: string) => {
    recorded.openedExternal.push(url);
  },
} satisfies Pick<Shell, 'openPath' | 'openExternal'>;

// The text is not kept: it holds credentials.
export const clipboard = {
  writeText: async () => void recorded.clipboardWrites++,
} satisfies Pick<Clipboard, 'writeText'>;

export const dialog = {
  showErrorBox: (title: string, content: string) => void recorded.errorBoxes.push({ title, content }),
  // The folder the test's user picks: FAKE_ELECTRON_PICK_FOLDER, or the user cancels.
  showOpenDialog: async (_options: OpenDialogOptions): Promise<OpenDialogReturnValue> => {
    const folder = process.env.FAKE_ELECTRON_PICK_FOLDER;
    return folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] };
  },
} satisfies Pick<Dialog, 'showErrorBox'> & {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
};
