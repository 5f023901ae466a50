// The lab devices' SecretCipher over Electron's safeStorage: macOS Keychain, Windows DPAPI, and on Linux the
// desktop's secret service — or 'basic_text', a key built into Chromium, which is reported as weak (see lessons.md:
// never silently store secrets in plain text). Electron is imported as a type only; main passes safeStorage in.
// With basic_text, safeStorage reports no encryption at all until setUsePlainTextEncryption(true): the weak store
// is switched on only when a secret is sealed or opened, which the lab device store does only after the user
// accepted the weak store for that device.
import type { SafeStorage } from 'electron';
import type { SecretCipher, SecretStoreBackend } from '../core/lab-devices';

export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isEncryptionAvailable'
  | 'encryptString'
  | 'decryptString'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
>;

const PLATFORM_KEYCHAIN: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows DPAPI',
};

export function safeStorageBackend(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStoreBackend {
  if (platform !== 'linux') {
    const name = PLATFORM_KEYCHAIN[platform] ?? platform;
    return { kind: safeStorage.isEncryptionAvailable() ? 'keychain' : 'unavailable', name };
  }
  const name = safeStorage.getSelectedStorageBackend();
  if (name === 'basic_text') return { kind: 'weak', name };
  // 'unknown': asked before ready, when no backend is chosen yet.
  if (name === 'unknown' || !safeStorage.isEncryptionAvailable()) return { kind: 'unavailable', name };
  return { kind: 'keychain', name };
}

export function createSafeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  const ready = () => {
    const backend = safeStorageBackend(safeStorage, platform);
    if (backend.kind === 'weak') safeStorage.setUsePlainTextEncryption(true);
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS secret store is not available.');
  };
  return {
    backend: () => safeStorageBackend(safeStorage, platform),
    encrypt(plain) {
      ready();
      return safeStorage.encryptString(plain);
    },
    decrypt(sealed) {
      ready();
      return safeStorage.decryptString(sealed);
    },
  };
}
