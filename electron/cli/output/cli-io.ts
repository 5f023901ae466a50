// What a report command touches of the outside world, passed in so tests run commands on temp files in-process.
import { systemClock, type Clock } from '../../core/time/clock';
import type { ClockOptions } from '../../shared/time-format';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  clock: Clock;
  /** Zone and locale of the times people read (default the runtime's; tests pin them). */
  clockFormat?: ClockOptions;
}

export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  clock: systemClock,
};

/** Exit codes of the report commands (`profiles`, `status`). */
export const REPORT_EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export const REPORT_EXIT_HELP = `
Exit codes:
  0   the AWS files were read without problems
  1   problems in the files (each is listed with its file and line)
  2   usage error (unknown option, bad value)`;
