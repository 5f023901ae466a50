// `npm run bench`: runs every bench/*.bench.ts (or only those named on the command line) in one process,
// each printing its own side-by-side ratios.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const folder = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(folder, file)).href)) as { run: () => Promise<void> };
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  await mod.run();
}
