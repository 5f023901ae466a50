#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build:node` (run automatically by npm install/ci). CommonJS,
// like the bundle's entry: Node starts it without setting up its ES module loader (git's helper runs it constantly).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, for the reason above */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli', 'mfa-tray.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('mfa-tray is not built yet: run `npm run build:node` in the MFA Tray folder.\n');
  process.exit(2);
}
require(bundle);
