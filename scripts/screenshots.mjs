// `npm run screenshots [-- NAME...]`: refreshes the README's screenshots. The browser suite writes every screen it
// checks to e2e/screenshots/ (ignored by git; tests never write to docs/); this runs it afresh and copies the shots
// docs/screenshots/ already holds, plus each NAME given (e.g. wizard-1-team-file), over their docs copies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shots = join(root, 'e2e', 'screenshots');
const docs = join(root, 'docs', 'screenshots');
const names = new Set([
  ...readdirSync(docs)
    .filter((file) => file.endsWith('.png'))
    .map((file) => file.slice(0, -'.png'.length)),
  ...process.argv.slice(2),
]);

// Fresh shots only: a name no spec takes any more must fail here, not publish an old picture.
rmSync(shots, { recursive: true, force: true });
const playwright = createRequire(import.meta.url).resolve('@playwright/test/cli');
const run = spawnSync(process.execPath, [playwright, 'test', '--config', join(root, 'e2e', 'playwright.config.ts')], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error('screenshots: the browser suite failed; docs/screenshots is unchanged');
  process.exit(run.status ?? 1);
}
const missing = [...names].filter((name) => !existsSync(join(shots, `${name}.png`)));
if (missing.length > 0) {
  console.error(`screenshots: no spec took ${missing.join(', ')}; docs/screenshots is unchanged`);
  process.exit(1);
}
for (const name of names) copyFileSync(join(shots, `${name}.png`), join(docs, `${name}.png`));
console.log(`screenshots: refreshed ${names.size} in docs/screenshots (${[...names].sort().join(', ')})`);
