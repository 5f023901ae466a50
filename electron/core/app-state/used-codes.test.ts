import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceFileKey } from './device-key';
import { readUsedCode, usedCodeDigest, writeUsedCode } from './used-codes';

describe('used code records', () => {
  it('round-trips per device and can be removed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-used-'));
    const record = { window: 100, sentAtMs: 3_000_000, codeDigest: usedCodeDigest('dev', '123456') };
    await writeUsedCode(dir, 'dev', record);
    expect(await readUsedCode(dir, 'dev')).toEqual(record);
    expect(await readUsedCode(dir, 'other')).toBeUndefined();
    await writeUsedCode(dir, 'dev', undefined);
    expect(await readUsedCode(dir, 'dev')).toBeUndefined();
  });

  it('treats a damaged record as absent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-used-'));
    await mkdir(join(dir, 'used-codes'), { recursive: true });
    await writeFile(join(dir, 'used-codes', `${deviceFileKey('dev')}.json`), '{"window": "x"');
    expect(await readUsedCode(dir, 'dev')).toBeUndefined();
  });

  it('digests differ per device and per code, and never contain the code', () => {
    const a = usedCodeDigest('dev', '123456');
    expect(a).not.toBe(usedCodeDigest('dev2', '123456'));
    expect(a).not.toBe(usedCodeDigest('dev', '123457'));
    expect(a).not.toContain('123456');
  });
});
