// Runs scripts/botocore-oracle.py once for a whole batch of texts: botocore's verdict on each.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const AWSCLI_PACKAGES = '/usr/lib/python3/dist-packages/awscli';
const SCRIPT = fileURLToPath(new URL('../../../../scripts/botocore-oracle.py', import.meta.url));

type Json = string | { [key: string]: Json };

export type BotocoreVerdict =
  | {
      ok: true;
      raw: Record<string, Record<string, Json>>;
      loaded: { profiles: Record<string, Json>; sso_sessions: Record<string, Json>; services: Record<string, Json> };
    }
  | { ok: false; error: string; lines: number[] };

export function botocoreAvailable(): boolean {
  return existsSync(PYTHON) && existsSync(`${AWSCLI_PACKAGES}/botocore/configloader.py`);
}

export function botocoreRead(texts: readonly string[]): BotocoreVerdict[] {
  if (!botocoreAvailable()) {
    throw new Error(`botocore oracle missing: needs ${PYTHON} and the Debian awscli package (apt-get install awscli)`);
  }
  const run = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(texts),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: AWSCLI_PACKAGES, PYTHONUTF8: '1', LANG: 'C.UTF-8' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`botocore oracle failed (${run.status}): ${run.stderr}`);
  const verdicts = JSON.parse(run.stdout) as BotocoreVerdict[];
  if (verdicts.length !== texts.length) throw new Error(`botocore oracle answered ${verdicts.length} of ${texts.length}`);
  return verdicts;
}
