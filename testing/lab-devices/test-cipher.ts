// Test support: a cipher shaped like Electron's safeStorage (AES-256-GCM under a random in-memory key), with a
// switchable backend kind so the keychain, weak-store and no-store paths can all be exercised.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher, SecretStoreKind } from '../../electron/core/lab-devices/secret-cipher';

export interface TestCipher extends SecretCipher {
  kind: SecretStoreKind;
  /** Forget the key, as a reset keychain would. */
  resetKey(): void;
}

export function testCipher(kind: SecretStoreKind = 'keychain'): TestCipher {
  let key = randomBytes(32);
  const cipher: TestCipher = {
    kind,
    backend: () => ({
      kind: cipher.kind,
      name: cipher.kind === 'keychain' ? 'test_keychain' : cipher.kind === 'weak' ? 'basic_text' : 'unknown',
    }),
    encrypt(plain) {
      if (cipher.kind === 'unavailable') throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const aes = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([aes.update(plain, 'utf8'), aes.final()]);
      return Buffer.concat([iv, aes.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const aes = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      aes.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([aes.update(sealed.subarray(28)), aes.final()]).toString('utf8');
    },
    resetKey() {
      key = randomBytes(32);
    },
  };
  return cipher;
}
