// `npx tsx scripts/ini-differential.ts --count 10000 [--seed N]`: reads random ini files (valid and broken)
// with electron/core/ini and with botocore, and reports every difference in accept/reject, raw_config_parse
// and load_config. Exits 1 when there is any.
import { runDifferential } from '../testing/ini-differential/run';

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a non-negative whole number`);
  return value;
}

const count = option('count') ?? 10_000;
const seed = option('seed') ?? Math.floor(Math.random() * 2 ** 32);
const started = performance.now();
const report = runDifferential(seed, count);
console.log(`seed ${seed}: ${count} files, botocore accepted ${report.accepted} and rejected ${report.rejected}`);
console.log(`differences: ${report.failures.length} (${Math.round(performance.now() - started)} ms)`);
for (const failure of report.failures.slice(0, 10)) {
  console.log(`\n#${failure.index} ${JSON.stringify(failure.text)}\n  ${failure.problems.join('\n  ')}`);
}
if (report.failures.length > 0) {
  console.log(`\nreproduce with: npx tsx scripts/ini-differential.ts --count ${count} --seed ${seed}`);
  process.exitCode = 1;
}
