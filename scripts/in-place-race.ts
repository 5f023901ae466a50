// The long soak of section 1 of issue 11 (the integration test runs a shorter one): slow in-place writers
// truncating our files at every moment of our write, gaps 0 ms–3 s, and the real `aws configure set` slowed
// with strace, and writers still busy with the file we replaced past our bound (merged within the late bound,
// else given their file back). Run with: npx tsx scripts/in-place-race.ts [writerRuns] [awsCliRuns] [lateRuns]
// [--without-proc]
// --without-proc runs the fallback of systems without /proc (macOS, Windows: stamps and a watch of the replaced
// file) with the writer gaps it promises to protect (below 1 s), and no AWS CLI runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildWriter,
  canSlowAwsCli,
  PHASES,
  raceLateWriter,
  raceSlowAwsCli,
  raceWriterAtPhase,
  runAll,
  type RunResult,
} from '../testing/aws-files/in-place/harness';

const withoutProc = process.argv.includes('--without-proc');
const [writerArg, awsArg, lateArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const writerRuns = Number(writerArg ?? 240);
const awsRuns = withoutProc ? 0 : Number(awsArg ?? 60);
const lateRuns = withoutProc ? 0 : Number(lateArg ?? 20);
const GAPS_MS = withoutProc ? [0, 1, 5, 20, 60, 150, 400, 600, 900] : [0, 1, 5, 20, 60, 150, 400, 1000, 2000, 3000];
const folder = await mkdtemp(join(tmpdir(), 'in-place-race-'));
const started = Date.now();
try {
  const bundle = await buildWriter(folder);
  const jobs: (() => Promise<RunResult>)[] = [];
  for (let run = 0; run < writerRuns; run += 1) {
    const phase = PHASES[run % PHASES.length] ?? 'before-snapshot';
    const raced = Math.floor(run / PHASES.length) % 2 === 0 ? 'config' : 'credentials';
    const gapMs = GAPS_MS[Math.floor(run / (PHASES.length * 2)) % GAPS_MS.length] ?? 0;
    const updateOptions = withoutProc ? { findWriters: () => undefined } : {};
    jobs.push(() =>
      raceWriterAtPhase({ bundle, folder: join(folder, `w${run}`), raced, phase, gapMs, run, updateOptions }),
    );
  }
  if (withoutProc) console.log('without /proc: stamps and the watch of the replaced file only');
  else if (canSlowAwsCli()) {
    for (let run = 0; run < awsRuns; run += 1) {
      const raced = run % 2 === 0 ? 'config' : 'credentials';
      const gapMs = [0, 150, 1000, 3000][Math.floor(run / 2) % 4] ?? 0;
      const offsetMs = Math.round(300 + Math.random() * 1700);
      jobs.push(() => raceSlowAwsCli({ folder: join(folder, `a${run}`), raced, gapMs, offsetMs, run: 1000 + run }));
    }
  } else console.log('strace or /usr/bin/aws missing: the AWS CLI runs are skipped');
  for (let run = 0; run < lateRuns; run += 1) {
    // Half are merged (the writer finishes within the late bound), half outlast it and get their file back.
    const merged = run % 2 === 0;
    const updateOptions = merged
      ? { writerWaitMs: 300, lateWriterWaitMs: 6000 }
      : { writerWaitMs: 200, lateWriterWaitMs: 500 };
    const raced = Math.floor(run / 2) % 2 === 0 ? 'config' : 'credentials';
    jobs.push(() =>
      raceLateWriter({
        bundle,
        folder: join(folder, `l${run}`),
        raced,
        gapMs: merged ? 1200 : 1500,
        run: 2000 + run,
        updateOptions,
      }).then((result) =>
        // Giving way is the expected outcome of those runs, not a failure: what counts is that nothing was lost.
        !merged && result.error?.includes('its changes win') ? { ...result, error: undefined } : result,
      ),
    );
  }
  const results = await runAll(jobs, 6);
  const failed = results.filter((result) => result.lostBytes > 0 || result.badBackups.length > 0 || result.error);
  const lostBytes = results.reduce((sum, result) => sum + result.lostBytes, 0);
  const waited = results.filter((result) => result.waited).length;
  console.log(
    `${results.length} runs (${writerRuns} slow writers, ${results.length - writerRuns - lateRuns} slowed aws configure set, ` +
      `${lateRuns} writers busy past our bound): ${lostBytes} bytes lost, ${failed.length} failed runs, ` +
      `${waited} runs met the writer mid-rewrite and waited; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const result of failed) {
    const problems = [...result.badBackups, ...result.lost, result.error ?? ''].filter(Boolean);
    console.log(
      `  ${result.label}: ${result.lostBytes} bytes lost; ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
    );
  }
  if (failed.length > 0) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
