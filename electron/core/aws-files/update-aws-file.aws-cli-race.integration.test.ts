import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AWS_CLI, raceAgainstAwsCli } from '../../../testing/aws-files/aws-cli-race';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-race-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.skipIf(!existsSync(AWS_CLI))('our writes interleaved with real `aws configure set` calls', () => {
  // 10 AWS CLI calls (~0.6 s each, two files in parallel); scripts/aws-cli-race.ts runs a longer race.
  it('lose no update from either side', async () => {
    const result = await raceAgainstAwsCli(folder, 5);
    expect(result.awsCalls).toBe(10);
    expect(result.ourWrites).toBeGreaterThan(10);
    expect(result.lost).toEqual([]);
  });
});
