// `npm run lint:electron`: Doyensec's Electronegativity over our Electron sources (main, preload, shared) and
// the renderer's HTML. Called through its runner because its CLI breaks on the newer hoisted `commander`.
// Fails when there is any finding; suppressions live next to the code with a reason.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const root = fileURLToPath(new URL('../', import.meta.url));
const electronVersion = require('electron/package.json').version;

let total = 0;
// Two inputs: our Electron code, and the renderer (its HTML's CSP, its bundle). The global checks for what only
// main can do (navigation limits, the permission request handler) run on the electron/ input, where main installs
// them; on the renderer alone they could only ever report them missing.
const INPUTS = [
  { input: 'electron', excludeFromScan: [] },
  {
    input: 'renderer',
    excludeFromScan: ['LimitNavigationGlobalCheck', 'PermissionRequestHandlerGlobalCheck'],
  },
];
for (const { input, excludeFromScan } of INPUTS) {
  const result = await run({
    input: `${root}${input}`,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan,
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  // renderer/dist is Vite's build of what is scanned as source here (its HTML copy loses the eng-disable comments).
  const issues = (result?.issues ?? []).filter((issue) => !String(issue.file).startsWith('dist/'));
  for (const issue of issues)
    console.log(
      `${input}: ${issue.id} ${issue.severity?.name ?? ''} ${issue.file}:${issue.location?.line ?? ''} ${issue.description ?? ''}`,
    );
  total += issues.length;
}
console.log(`electronegativity: ${total} finding(s)`);
process.exitCode = total === 0 ? 0 : 1;
