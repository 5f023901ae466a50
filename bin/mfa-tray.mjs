#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build:node` (run automatically by npm install/ci).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/mfa-tray.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('mfa-tray is not built yet: run `npm run build:node` in the MFA Tray folder.\n');
  process.exit(2);
}
await import(bundle);
