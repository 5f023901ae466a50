// The port through which lab-device secrets are sealed. In the app it is Electron's safeStorage
// (electron/main/secret-cipher.ts); core code never sees Electron, and tests pass their own cipher.

export type SecretStoreKind = 'keychain' | 'weak' | 'unavailable';

export interface SecretStoreBackend {
  /** keychain: OS-protected key; weak: a key any process of the user can read (Linux basic_text); unavailable: none. */
  kind: SecretStoreKind;
  /** As the platform names it (gnome_libsecret, kwallet5, basic_text, macOS Keychain, DPAPI). */
  name: string;
}

export interface SecretCipher {
  backend(): SecretStoreBackend;
  /** Throws when the backend is unavailable. */
  encrypt(plain: string): Buffer;
  /** Throws when the data cannot be decrypted (another machine, a reset keychain). */
  decrypt(sealed: Buffer): string;
}

/** What the device screen says about the store, in one sentence. */
export function describeSecretStore(backend: SecretStoreBackend): string {
  switch (backend.kind) {
    case 'keychain':
      return `Lab device secrets are encrypted with the OS keychain (${backend.name}).`;
    case 'weak':
      return `Only a weak store exists here (${backend.name}): the secrets would be encrypted with a key any program running as you can read. MFA Tray stores a lab device here only if you accept that for that device.`;
    case 'unavailable':
      return `No secret store is available (${backend.name}): MFA Tray cannot hold lab device secrets on this system.`;
  }
}

/** A cipher for places with no secret store at all (harnesses, a broken keychain): everything is refused. */
export const NO_SECRET_STORE: SecretCipher = {
  backend: () => ({ kind: 'unavailable', name: 'none' }),
  encrypt: () => {
    throw new Error('No secret store is available.');
  },
  decrypt: () => {
    throw new Error('No secret store is available.');
  },
};
