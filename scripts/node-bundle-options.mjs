// How the Node-side entry points are bundled: shared by scripts/build-node.mjs and the tests that run such a
// bundle, so that what they run is built exactly as what we ship.
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // ES module builds first (esbuild's default for Node is `main` first): the SDK's dist-es can be tree-shaken, where
  // its CommonJS index brings every STS command and its aggregate client into every renewal.
  mainFields: ['module', 'main'],
};

// An ESM bundle has no `require`, which the CommonJS dependencies bundled into it call: give them one.
const esmRequireShim =
  "import { createRequire as __mfaCreateRequire } from 'node:module'; const require = __mfaCreateRequire(import.meta.url);";
export const esmOptions = { format: 'esm', banner: { js: esmRequireShim } };
