// The modules the CLI's CommonJS entry (dist/cli/main.cjs) opens on demand, by source file, and the name of each
// door of dist/cli/commands.cjs they are built into (scripts/build-node.mjs). Everything a git helper call needs while
// the session is valid is in the entry itself; these are the doors to the rest.
export const CLI_DOORS = {
  // Every command but git's credential helper, through commander.
  'electron/cli/program.ts': 'program',
  // The git helper's renewal: the terminal prompt, the renewal on it, the app's dialog, and the STS client.
  'electron/cli/terminal/code-sources.ts': 'code-sources',
  'electron/cli/terminal/terminal-renewal.ts': 'terminal-renewal',
  'electron/cli/terminal/app-prompt.ts': 'app-prompt',
  'electron/core/sts/index.ts': 'sts',
  // Finishing what a killed writer left in the AWS folder (rare: only when its traces are there).
  'electron/core/aws-files/pending-pair.ts': 'interrupted-writes',
};
