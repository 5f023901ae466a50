// The lab devices' SecretCipher over Electron's safeStorage: macOS Keychain, Windows DPAPI, and on Linux the
// desktop's secret service — or 'basic_text', a hard-coded key, which is reported as weak (see lessons.md:
// never silently store secrets in plain text). Electron is imported as a type only; main passes safeStorage in.
import type { SafeStorage } from 'electron';
import type { SecretCipher, SecretStoreBackend } from '../core/lab-devices';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
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
  if (!safeStorage.isEncryptionAvailable()) return { kind: 'unavailable', name };
  // basic_text encrypts with a key built into Chromium; 'unknown' means no backend was chosen (before ready).
  return { kind: name === 'basic_text' || name === 'unknown' ? 'weak' : 'keychain', name };
}

export function createSafeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  return {
    backend: () => safeStorageBackend(safeStorage, platform),
    encrypt(plain) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS secret store is not available.');
      return safeStorage.encryptString(plain);
    },
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
