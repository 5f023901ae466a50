// The STS emulator (the scenario seed unless told another) a CLI test file talks to, and the CLI bundle its tests run.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import { scenarioSeed } from '../scenario/scenario';
import type { Seed } from '../../tools/sts-emulator/seed-schema';
import { ensureCliBuilt } from './build-cli';

/** `test`: a fresh emulator per test (like AWS it accepts each code once); `file`: one for the whole file. */
export function useScenarioEmulator(scope: 'test' | 'file', seed: Seed = scenarioSeed): () => StsEmulator {
  let emulator: StsEmulator | undefined;
  const start = async () => {
    emulator = await startEmulator({ seed });
  };
  const stop = async () => {
    await emulator?.close();
    emulator = undefined;
  };
  beforeAll(() => ensureCliBuilt(), 120_000);
  if (scope === 'test') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return () => {
    if (emulator === undefined) throw new Error('the emulator runs only while a test runs');
    return emulator;
  };
}
