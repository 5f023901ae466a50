// What the in-process renewal tests hand renew(): a lab's files and state folder, and a code source that counts how
// often a code was asked for (the "never spend a code for nothing" assertions read `asked`).
import * as timers from 'node:timers/promises';
import { resolveAwsFileLocations } from '../../electron/core/aws-files';
import type { CodeSource, RenewDeps } from '../../electron/core/renewal/types';
import { msUntilNextWindow } from '../../electron/core/totp/windows';
import { scenarioCode } from './scenario';
import type { ScenarioLab } from './scenario-lab';

export function labRenewDeps(lab: ScenarioLab, extra: Partial<RenewDeps> = {}): RenewDeps {
  return {
    locations: resolveAwsFileLocations(lab.env),
    stateDir: lab.stateDir,
    env: lab.env,
    policy: { retryBaseDelayMs: 1 },
    ...extra,
  };
}

/** The device's current code (or `code()`), counting how often it was asked for. */
export function countingCodes(code: () => string = () => scenarioCode(Date.now())): CodeSource & { asked: number } {
  const source = {
    asked: 0,
    getCode: async () => {
      source.asked += 1;
      return code();
    },
  };
  return source;
}

/**
 * Waits for the next 30-s window when the current one has less than `ms` left: for tests whose renewals must all
 * fall in one window (a second code of another window would be a fresh one, not "already used").
 */
export async function withinOneWindow(ms = 3_000): Promise<void> {
  const left = msUntilNextWindow(Date.now());
  if (left < ms) await timers.setTimeout(left + 20);
}
