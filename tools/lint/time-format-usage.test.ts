// Time is written one way (electron/shared/time-format.ts): every place that shows time left or a moment imports
// it, and no production file builds such text by itself (the copies this replaced wrote `23h 59m`, `24 h 0 min` and
// `in 1 min` for 38 s).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FORMATTER = 'electron/shared/time-format.ts';

/** The surfaces that show time: CLI, tray, notifications, core messages and every window. */
const CALL_SITES = [
  'electron/cli/commands/status.ts',
  'electron/cli/terminal/next-code-wait.ts',
  'electron/main/tray-model.ts',
  'electron/main/notifier.ts',
  'electron/core/renewal/outcome-text.ts',
  'electron/core/renewal/device-roles-summary.ts',
  'electron/core/renewal/code-guard.ts',
  'electron/core/sts/classify-error.ts',
  'renderer/src/dashboard/Countdown.tsx',
  'renderer/src/dashboard/SessionRow.tsx',
  'renderer/src/token-dialog/TokenForm.tsx',
  'renderer/src/token-dialog/advice.ts',
  'renderer/src/devices/DeviceCard.tsx',
  'renderer/src/settings/Settings.tsx',
  'renderer/src/wizard/NamesStep.tsx',
];

/** Text about time built by hand: a unit after a computed number of minutes/hours/days, or a date formatter. */
const HAND_MADE = [
  /\/ 60_?000\)?\)? ?(?:min|m)\b/,
  /\$\{[^}]*(?:minutes|hours|days|Minutes|Hours|Days|left|remaining)[^}]*\}\s?(?:h|m|min|d)\b/,
  /\$\{[^}]*\}(?:h|m|d) /,
  /toLocale(?:Time|Date)?String\(/,
  /new Intl\.DateTimeFormat\(/,
  /toISOString\(\)\.slice\(11/,
  /'never renewed'|\(never renewed\)/,
];

function productionFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'electron', 'renderer'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return listed
    .split('\n')
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file) && file !== FORMATTER);
}

describe('the one time formatter', () => {
  it.each(CALL_SITES)('%s imports electron/shared/time-format', (file) => {
    expect(readFileSync(`${root}/${file}`, 'utf8')).toMatch(/from '(?:\.\.\/)+(?:electron\/)?shared\/time-format'/);
  });

  it('is the only production code that writes time left or a moment', () => {
    const offenders = productionFiles().flatMap((file) =>
      readFileSync(`${root}/${file}`, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          HAND_MADE.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('catches the copies it replaced (so the check above can fail)', () => {
    const old = [
      'if (days >= 2) return `${days}d ${hours % 24}h`;',
      'const left = minutes >= 120 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;',
      "const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit' });",
      'return new Date(ms).toISOString().slice(11, 19);',
      "      return 'never renewed';",
    ];
    for (const line of old)
      expect(
        HAND_MADE.some((pattern) => pattern.test(line)),
        line,
      ).toBe(true);
  });
});
