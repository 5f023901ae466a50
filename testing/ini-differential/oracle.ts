// Runs botocore-oracle.py (beside this file) once for a whole batch of texts: botocore's verdict on each.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AWSCLI_PATH, botocoreAvailable, PYTHON } from '../botocore';

const SCRIPT = fileURLToPath(new URL('./botocore-oracle.py', import.meta.url));

type Json = string | { [key: string]: Json };

export type BotocoreVerdict =
  | {
      ok: true;
      raw: Record<string, Record<string, Json>>;
      loaded: { profiles: Record<string, Json>; sso_sessions: Record<string, Json>; services: Record<string, Json> };
    }
  | { ok: false; error: string; lines: number[] };

export function botocoreRead(texts: readonly string[]): BotocoreVerdict[] {
  if (!botocoreAvailable) {
    throw new Error(`botocore oracle missing: needs ${PYTHON} and the Debian awscli package (apt-get install awscli)`);
  }
  const run = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(texts),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: AWSCLI_PATH, PYTHONUTF8: '1', LANG: 'C.UTF-8' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`botocore oracle failed (${run.status}): ${run.stderr}`);
  const verdicts = JSON.parse(run.stdout) as BotocoreVerdict[];
  if (verdicts.length !== texts.length)
    throw new Error(`botocore oracle answered ${verdicts.length} of ${texts.length}`);
  return verdicts;
}
