import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceFileKey } from './device-key';
import { isSameCode, readUsedCode, usedCodeRecord, writeUsedCode } from './used-codes';

describe('used code records', () => {
  it('round-trips per device and can be removed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-used-'));
    const record = usedCodeRecord('dev', '123456', 100, 3_000_000);
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

  it('recognises only the very code of the record, per device, from a salted digest that holds no code', () => {
    const record = usedCodeRecord('dev', '123456', 100, 3_000_000);
    expect(isSameCode(record, 'dev', '123456')).toBe(true);
    expect(isSameCode(record, 'dev2', '123456')).toBe(false);
    expect(isSameCode(record, 'dev', '123457')).toBe(false);
    expect(JSON.stringify(record)).not.toContain('123456');
    // Salted: the same code makes a different digest in another record, so no table of 10^6 digests reads it.
    expect(usedCodeRecord('dev', '123456', 100, 3_000_000).codeDigest).not.toBe(record.codeDigest);
  });

  it('ignores a record without a salt (written before salting): it guards nothing it cannot check', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-used-'));
    await mkdir(join(dir, 'used-codes'), { recursive: true });
    await writeFile(
      join(dir, 'used-codes', `${deviceFileKey('dev')}.json`),
      JSON.stringify({ window: 1, sentAtMs: 1, codeDigest: 'ab' }),
    );
    expect(await readUsedCode(dir, 'dev')).toBeUndefined();
  });
});
