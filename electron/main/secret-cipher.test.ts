import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, safeStorageBackend, type SafeStorageLike } from './secret-cipher';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A stand-in for Electron's safeStorage: reversible, but never the plain text. */
function fakeSafeStorage(available: boolean, backend: Backend): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (sealed) => Buffer.from(Buffer.from(sealed).map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
}

describe('safeStorage cipher', () => {
  it('reports the Linux secret services as a keychain, basic_text and unknown as weak, and no encryption as unavailable', () => {
    expect(safeStorageBackend(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toEqual({
      kind: 'keychain',
      name: 'gnome_libsecret',
    });
    expect(safeStorageBackend(fakeSafeStorage(true, 'kwallet6'), 'linux')).toEqual({
      kind: 'keychain',
      name: 'kwallet6',
    });
    expect(safeStorageBackend(fakeSafeStorage(true, 'basic_text'), 'linux')).toEqual({
      kind: 'weak',
      name: 'basic_text',
    });
    expect(safeStorageBackend(fakeSafeStorage(true, 'unknown'), 'linux')).toEqual({ kind: 'weak', name: 'unknown' });
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
});
