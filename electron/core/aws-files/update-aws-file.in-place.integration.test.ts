import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWriter,
  canSlowAwsCli,
  PHASES,
  raceLateWriter,
  raceSlowAwsCli,
  raceWriterAtPhase,
  runAll,
  type RunResult,
} from '../../../testing/aws-files/in-place/harness';

// scripts/in-place-race.ts runs the long soak (240 writers + 60 slowed AWS CLI calls by default).
let folder: string;
let bundle: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'in-place-race-'));
  bundle = await buildWriter(folder);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function summary(results: RunResult[]) {
  return {
    runs: results.length,
    lostBytes: results.reduce((sum, result) => sum + result.lostBytes, 0),
    problems: results.flatMap((result) =>
      [...result.badBackups, ...result.lost.slice(0, 2), result.error ?? '']
        .filter(Boolean)
        .map((p) => `${result.label}: ${p}`),
    ),
  };
}

function phaseRuns(
  name: string,
  gaps: number[],
  options: Parameters<typeof raceWriterAtPhase>[0]['updateOptions'] = {},
) {
  return PHASES.flatMap((phase) =>
    (['config', 'credentials'] as const).flatMap((raced) =>
      gaps.map(
        (gapMs, index) => () =>
          raceWriterAtPhase({
            bundle,
            folder: join(folder, `${name}-${phase}-${raced}-${index}`),
            raced,
            phase,
            gapMs,
            run: index,
            updateOptions: options,
          }),
      ),
    ),
  );
}

describe('updateAwsFile racing slow in-place writers (truncate, gap, write)', () => {
  it('loses no byte of anyone and backs up only the file as it was, at every moment of our write, gaps 0 ms–3 s', async () => {
    const results = await runAll(phaseRuns('proc', [0, 20, 150, 1000, 3000]), 6);
    expect(summary(results)).toEqual({ runs: 30, lostBytes: 0, problems: [] });
    // The rig really met writers mid-rewrite (the unfixed code lost the file in most of these runs).
    expect(results.filter((result) => result.waited).length).toBeGreaterThan(10);
  });

  // The fallback for systems without /proc (macOS, Windows): quiet periods, a longer one for a file seen shrunk,
  // and the replaced file watched after our rename (bounds in in-place-writers.ts). scripts/in-place-race.ts
  // --without-proc soaks it.
  it('without /proc, stamps and a watch of the replaced file protect writers whose truncate→write gap is below 1 s', async () => {
    const results = await runAll(phaseRuns('stamps', [0, 150, 600], { findWriters: () => undefined }), 6);
    expect(summary(results)).toEqual({ runs: 18, lostBytes: 0, problems: [] });
  });

  it('reports the write as not saved, naming the writer, when it is still writing after the bound; nothing is lost', async () => {
    const result = await raceWriterAtPhase({
      bundle,
      folder: join(folder, 'bound'),
      raced: 'config',
      phase: 'before-snapshot',
      gapMs: 1500,
      run: 7,
      updateOptions: { writerWaitMs: 400 },
    });
    expect(result.error).toMatch(/config: is still being written by node \(pid \d+\) after 0.4 s; not saved/);
    expect([result.lostBytes, result.badBackups]).toEqual([0, []]);
  });
});

describe.skipIf(!existsSync('/proc/self/fd'))('a writer still busy with the file we replaced, past our bound', () => {
  it('is waited out (progress told) up to the late bound and its bytes merged with ours', async () => {
    const result = await raceLateWriter({
      bundle,
      folder: join(folder, 'late-merged'),
      raced: 'config',
      gapMs: 1200,
      run: 8,
      updateOptions: { writerWaitMs: 300, lateWriterWaitMs: 6000 },
    });
    expect(summary([result])).toEqual({ runs: 1, lostBytes: 0, problems: [] });
    expect(
      result.told?.some((message) =>
        /^Still waiting for node \(pid \d+\) to finish writing .*config \(\d+ s of at most 6 s\)…$/.test(message),
      ),
    ).toBe(true);
  });

  it('past the late bound, gets its file back at the path (its bytes win), and says ours were not saved', async () => {
    const result = await raceLateWriter({
      bundle,
      folder: join(folder, 'late-gave-way'),
      raced: 'credentials',
      gapMs: 1500,
      run: 9,
      updateOptions: { writerWaitMs: 200, lateWriterWaitMs: 500 },
    });
    expect(result.error).toMatch(
      /credentials: was still being written by node \(pid \d+\) 0.5 s after MFA Tray saved its version: the file is back as node \(pid \d+\) is writing it \(its changes win\) and this change is not saved/,
    );
    // Every byte the writer and the seed had is in the file; ours are the caller's to retry.
    expect([result.lostBytes, result.lost, result.badBackups]).toEqual([0, [], []]);
    expect(await readFile(join(folder, 'late-gave-way', 'credentials'), 'utf8')).not.toMatch(/ASIANEW9/);
  });
});

describe.skipIf(!canSlowAwsCli())(
  'writeProfileSettings racing the real `aws configure set`, its write delayed by strace',
  () => {
    it('loses no byte of either side, whenever our write lands in the AWS CLI’s truncate→write gap', async () => {
      const jobs = [0, 150, 1000, 2500].flatMap((gapMs, index) =>
        (['config', 'credentials'] as const).map(
          (raced) => () =>
            raceSlowAwsCli({
              folder: join(folder, `aws-${raced}-${gapMs}`),
              raced,
              gapMs,
              offsetMs: 400 + index * 250,
              run: 100 + index,
            }),
        ),
      );
      const results = await runAll(jobs, 4);
      expect(summary(results)).toEqual({ runs: 8, lostBytes: 0, problems: [] });
    });
  },
);
