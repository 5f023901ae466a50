import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, safeStorageBackend, type SafeStorageLike } from './secret-cipher';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A stand-in for Electron's safeStorage, as electron_api_safe_storage.cc behaves on Linux: with basic_text there is
 * no encryption until setUsePlainTextEncryption(true). Reversible, but never the plain text. */
function fakeSafeStorage(available: boolean, backend: Backend): SafeStorageLike & { plainTextAllowed: boolean } {
  const fake = {
    plainTextAllowed: false,
    isEncryptionAvailable: () => available || (fake.plainTextAllowed && backend === 'basic_text'),
    getSelectedStorageBackend: () => backend,
    setUsePlainTextEncryption: (allowed: boolean) => void (fake.plainTextAllowed = allowed),
    encryptString: (plain: string) => {
      if (!fake.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided');
      return Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a));
    },
    decryptString: (sealed: Buffer) => {
      if (!fake.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(Buffer.from(sealed).map((byte) => byte ^ 0x5a)).toString('utf8');
    },
  };
  return fake;
}

describe('safeStorage cipher', () => {
  it('reports the Linux secret services as a keychain, basic_text as weak, no backend yet or no encryption as unavailable', () => {
    expect(safeStorageBackend(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toEqual({
      kind: 'keychain',
      name: 'gnome_libsecret',
    });
    expect(safeStorageBackend(fakeSafeStorage(true, 'kwallet6'), 'linux')).toEqual({
      kind: 'keychain',
      name: 'kwallet6',
    });
    // As Electron really reports basic_text: no encryption available until plain-text encryption is allowed.
    expect(safeStorageBackend(fakeSafeStorage(false, 'basic_text'), 'linux')).toEqual({
      kind: 'weak',
      name: 'basic_text',
    });
    expect(safeStorageBackend(fakeSafeStorage(false, 'unknown'), 'linux')).toEqual({
      kind: 'unavailable',
      name: 'unknown',
    });
    expect(safeStorageBackend(fakeSafeStorage(false, 'gnome_libsecret'), 'linux')).toEqual({
      kind: 'unavailable',
      name: 'gnome_libsecret',
    });
  });

  it('uses the platform keychain on macOS and Windows', () => {
    expect(safeStorageBackend(fakeSafeStorage(true, 'unknown'), 'darwin')).toEqual({
      kind: 'keychain',
      name: 'macOS Keychain',
    });
    expect(safeStorageBackend(fakeSafeStorage(false, 'unknown'), 'win32')).toEqual({
      kind: 'unavailable',
      name: 'Windows DPAPI',
    });
  });

  it('seals through safeStorage and refuses when encryption is unavailable', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const sealed = cipher.encrypt('JBSWY3DPEHPK3PXP');
    expect(sealed.toString('utf8')).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => createSafeStorageCipher(fakeSafeStorage(false, 'unknown'), 'linux').encrypt('x')).toThrow(
      /not available/,
    );
  });

  it('seals with the weak store only when asked to, and opens its secrets again after a restart', () => {
    const storage = fakeSafeStorage(false, 'basic_text');
    const cipher = createSafeStorageCipher(storage, 'linux');
    expect(storage.plainTextAllowed, 'asking which store exists switches nothing on').toBe(false);
    cipher.backend();
    expect(storage.plainTextAllowed).toBe(false);
    const sealed = cipher.encrypt('JBSWY3DPEHPK3PXP');
    expect(sealed.toString('utf8')).not.toContain('JBSWY3DPEHPK3PXP');
    // A new process: plain-text encryption is off again until a secret is opened.
    const restarted = createSafeStorageCipher(fakeSafeStorage(false, 'basic_text'), 'linux');
    expect(restarted.decrypt(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('never switches a real secret service to plain text', () => {
    const storage = fakeSafeStorage(true, 'gnome_libsecret');
    createSafeStorageCipher(storage, 'linux').encrypt('x');
    expect(storage.plainTextAllowed).toBe(false);
  });
});
