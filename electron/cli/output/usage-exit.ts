// Commander exits with 1 on usage errors; the report commands keep 1 for "problems in the files".
import type { Command } from 'commander';
import { REPORT_EXIT } from './cli-io';

export function exitUsageErrorsWith2(command: Command): void {
  command.exitOverride((error) => {
    process.exit(error.exitCode === 0 ? REPORT_EXIT.ok : REPORT_EXIT.usage);
  });
}
