import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../totp';
import { createLabDeviceStore, LAB_DEVICES_FILE } from './device-store';
import { LabDeviceError } from './lab-device-error';
import { scanForSecret } from '../../../testing/lab-devices/secret-scan';
import { testCipher } from '../../../testing/lab-devices/test-cipher';

const SERIAL = 'arn:aws:iam::111111111111:mfa/lab';
const SECRET = encodeBase32(Buffer.from('lab-device-secret-0123456789abcd'));
const record = { serial: SERIAL, label: 'lab', state: 'ready' as const, addedAt: '2024-01-01T00:00:00.000Z' };

async function stateDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'mfa-lab-store-'));
}

describe('lab device store', () => {
  it('seals the secret: the file (mode 0600) never holds it, and it reads back through the cipher', async () => {
    const dir = await stateDir();
    const store = createLabDeviceStore(dir, testCipher('keychain'));
    const stored = await store.put(record, SECRET.toLowerCase(), { acceptWeakStore: false });
    expect(stored).toMatchObject({ weakStoreAccepted: false, sealedWith: 'test_keychain' });
    expect(await store.secretOf(SERIAL)).toBe(SECRET);
    expect((await stat(join(dir, LAB_DEVICES_FILE))).mode & 0o777).toBe(0o600);
    expect(await scanForSecret([dir], SECRET)).toEqual({ scanned: 1, leaks: [] });
    expect(JSON.stringify(await store.list())).not.toContain('sealed"');
  });

  it('refuses a weak store unless the user accepts it for this device, and records the acceptance', async () => {
    const dir = await stateDir();
    const store = createLabDeviceStore(dir, testCipher('weak'));
    const refused = store.put(record, SECRET, { acceptWeakStore: false });
    await expect(refused).rejects.toMatchObject({
      kind: 'weak-store-not-accepted',
      message: expect.stringMatching(/weak secret store exists \(basic_text\).*Nothing was stored/),
    });
    await expect(stat(join(dir, LAB_DEVICES_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.put(record, SECRET, { acceptWeakStore: true })).toMatchObject({
      weakStoreAccepted: true,
      sealedWith: 'basic_text',
    });
    expect(await scanForSecret([dir], SECRET)).toMatchObject({ leaks: [] });
  });

  it('stores nothing without a secret store, and explains an unreadable secret', async () => {
    const dir = await stateDir();
    const cipher = testCipher('unavailable');
    const store = createLabDeviceStore(dir, cipher);
    await expect(store.put(record, SECRET, { acceptWeakStore: true })).rejects.toMatchObject({
      kind: 'no-secret-store',
    });
    cipher.kind = 'keychain';
    await store.put(record, SECRET, { acceptWeakStore: false });
    cipher.resetKey();
    await expect(store.secretOf(SERIAL)).rejects.toMatchObject({
      kind: 'unreadable',
      message: expect.stringMatching(/cannot be decrypted.*import it again/),
    });
  });

  it('removal erases the device and its sealed secret from the file', async () => {
    const dir = await stateDir();
    const store = createLabDeviceStore(dir, testCipher());
    await store.put(record, SECRET, { acceptWeakStore: false });
    await store.put({ ...record, serial: `${SERIAL}2` }, encodeBase32(Buffer.alloc(20, 9)), { acceptWeakStore: false });
    const sealed = JSON.parse(await readFile(join(dir, LAB_DEVICES_FILE), 'utf8')).devices[0].sealed as string;
    expect(await store.remove(SERIAL)).toBe(true);
    expect(await store.remove(SERIAL)).toBe(false);
    const after = await readFile(join(dir, LAB_DEVICES_FILE), 'utf8');
    expect(after).not.toContain(sealed);
    expect(after).not.toContain(`"${SERIAL}"`);
    await expect(store.secretOf(SERIAL)).rejects.toBeInstanceOf(LabDeviceError);
    expect((await store.list()).map((device) => device.serial)).toEqual([`${SERIAL}2`]);
  });

  it('rejects secrets that cannot make codes, and leaves a damaged file untouched', async () => {
    const dir = await stateDir();
    const store = createLabDeviceStore(dir, testCipher());
    await expect(store.put(record, 'JBSWY3DP', { acceptWeakStore: false })).rejects.toMatchObject({
      kind: 'bad-secret',
      message: expect.stringMatching(/too short/),
    });
    await expect(store.put(record, 'not base32!', { acceptWeakStore: false })).rejects.toMatchObject({
      kind: 'bad-secret',
    });
    await writeFile(join(dir, LAB_DEVICES_FILE), '{"version":1,"devices":[{"serial":');
    await expect(store.put(record, SECRET, { acceptWeakStore: false })).rejects.toMatchObject({
      kind: 'damaged-store',
    });
    expect(await readFile(join(dir, LAB_DEVICES_FILE), 'utf8')).toBe('{"version":1,"devices":[{"serial":');
  });
});
