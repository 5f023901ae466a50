// The modules the CLI's CommonJS entry (dist/cli/mfa-tray.cjs) loads on demand, by source file, and the ES module
// file each is built to in dist/cli (scripts/build-node.mjs). Everything a git helper call needs while the session is
// valid is in the entry itself; these are the doors to the rest.
export const CLI_LAZY_MODULES = {
  // Every command but git's credential helper, through commander.
  'electron/cli/program.ts': 'program',
  // The git helper's renewal: the terminal prompt, the renewal on it, the app's dialog, and the STS client.
  'electron/cli/terminal/code-sources.ts': 'lazy/code-sources',
  'electron/cli/terminal/terminal-renewal.ts': 'lazy/terminal-renewal',
  'electron/cli/terminal/app-prompt.ts': 'lazy/app-prompt',
  'electron/core/sts/index.ts': 'lazy/sts',
  // Finishing what a killed writer left in the AWS folder (rare: only when its traces are there).
  'electron/core/aws-files/pending-pair.ts': 'lazy/interrupted-writes',
};
