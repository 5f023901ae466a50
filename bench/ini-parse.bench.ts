// How fast electron/core/ini reads and edits a 10,000-profile config file, side by side with the
// JS SDK's own (much simpler) parser on the same text, and with botocore in its own process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, loadConfig, rawConfigParse } from '../electron/core/ini';
import { jsSdkConfigProfiles, jsSdkParseIni } from '../electron/core/ini/js-sdk-reading';

function bigConfig(profiles: number): string {
  const parts = ['# generated\n[default]\nregion = us-east-1\n'];
  for (let i = 0; i < profiles; i++) {
    parts.push(
      `\n[profile p${i}]\nregion = eu-west-${i % 3}\nrole_arn = arn:aws:iam::123456789012:role/R${i}\nsource_profile = base\n`,
    );
    if (i % 10 === 0) parts.push('s3 =\n  max_concurrent_requests = 10\n  addressing_style = path\n');
  }
  return parts.join('');
}

/** Median CPU time of this process (not wall time, so that a busy machine does not distort it). */
function medianMs(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

function botocoreMs(text: string): number | undefined {
  const folder = mkdtempSync(join(tmpdir(), 'ini-bench-'));
  try {
    const path = join(folder, 'config');
    writeFileSync(path, text);
    const code =
      'import sys,time\nfrom botocore.configloader import load_config\nt=[]\nfor _ in range(5):\n s=time.process_time(); load_config(sys.argv[1]); t.append(time.process_time()-s)\nt.sort(); print(t[2]*1000)';
    const run = spawnSync('/usr/bin/python3', ['-c', code, path], {
      env: { PYTHONPATH: '/usr/lib/python3/dist-packages/awscli' },
      encoding: 'utf8',
    });
    return run.status === 0 ? Number(run.stdout) : undefined;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const text = bigConfig(10_000);
  console.log(`config file: 10,000 profiles, ${text.length} bytes`);
  for (let i = 0; i < 3; i++) loadConfig(text); // warm up the JIT
  const ours = medianMs(11, () => loadConfig(text));
  const raw = medianMs(11, () => rawConfigParse(text));
  const jsSdk = medianMs(11, () => jsSdkConfigProfiles(jsSdkParseIni(text)));
  const edit = medianMs(5, () =>
    applyEdits(text, [{ section: 'profile p5000', key: 'expiration', value: '2030-01-01T00:00:00Z' }]),
  );
  const botocore = botocoreMs(text);
  console.log(`loadConfig (ours, botocore rules)   ${ours.toFixed(1)} ms`);
  console.log(`rawConfigParse (ours)               ${raw.toFixed(1)} ms`);
  console.log(
    `JS SDK parseIni+getConfigData       ${jsSdk.toFixed(1)} ms   ours/JS SDK = ${(ours / jsSdk).toFixed(2)}`,
  );
  if (botocore !== undefined)
    console.log(
      `botocore load_config (Python)       ${botocore.toFixed(1)} ms   ours/botocore = ${(ours / botocore).toFixed(2)}`,
    );
  console.log(`applyEdits, one key (with re-reads) ${edit.toFixed(1)} ms`);
}
