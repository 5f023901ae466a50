// The architecture table (docs/architecture.md) as data: each folder of the repository is a layer, and a file may
// import only from its own layer and the layers listed here. Longest folder prefix wins. Tests are held to the
// same table, plus `testing` (test support); only tests, test support and dev tooling may use devDependencies.
// `electron/core/*` stands for every core layer, `*` for every layer. A layer's `electron` says whether it may import the 'electron' module at all; `node: false` marks code that runs
// in a page or a sandboxed preload, where Node's built-in modules do not exist.

/** @typedef {{ folder: string; mayImport: readonly string[]; electron?: boolean; node?: boolean; devDependencies?: boolean }} Layer */

/** @type {readonly Layer[]} */
export const LAYERS = [
  // The domain's words (field schemas, STS limits, defaults, settings.json): every layer may use them.
  { folder: 'electron/shared/vocabulary', mayImport: [], node: false },
  // The IPC contract, built on the vocabulary; below the app layer only onboarding (the wizard's operations) uses it.
  { folder: 'electron/shared/contract', mayImport: ['electron/shared/vocabulary'], node: false },
  // Helpers every runtime shares (error text).
  { folder: 'electron/shared', mayImport: [], node: false },
  { folder: 'electron/core/time', mayImport: ['electron/shared', 'electron/shared/vocabulary'] },
  { folder: 'electron/core/ini', mayImport: ['electron/shared', 'electron/shared/vocabulary'] },
  { folder: 'electron/core/totp', mayImport: ['electron/shared', 'electron/shared/vocabulary', 'electron/core/time'] },
  {
    folder: 'electron/core/aws-files',
    mayImport: ['electron/shared', 'electron/shared/vocabulary', 'electron/core/ini', 'electron/core/time'],
  },
  {
    folder: 'electron/core/app-state',
    mayImport: ['electron/shared', 'electron/shared/vocabulary', 'electron/core/aws-files', 'electron/core/time'],
  },
  {
    folder: 'electron/core/profiles',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/core/ini',
      'electron/core/aws-files',
      'electron/core/time',
    ],
  },
  {
    folder: 'electron/core/expiry',
    mayImport: ['electron/shared', 'electron/shared/vocabulary', 'electron/core/profiles', 'electron/core/time'],
  },
  {
    folder: 'electron/core/sts',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/core/profiles',
      'electron/core/totp',
      'electron/core/time',
    ],
  },
  {
    folder: 'electron/core/codecommit',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/core/aws-files',
      'electron/core/profiles',
      'electron/core/sts',
      'electron/core/time',
    ],
  },
  {
    folder: 'electron/core/renewal',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/core/ini',
      'electron/core/aws-files',
      'electron/core/profiles',
      'electron/core/sts',
      'electron/core/totp',
      'electron/core/app-state',
      'electron/core/time',
    ],
  },
  {
    folder: 'electron/core/onboarding',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/shared/contract',
      'electron/core/ini',
      'electron/core/aws-files',
      'electron/core/profiles',
      'electron/core/sts',
      'electron/core/time',
    ],
  },
  {
    folder: 'electron/core/lab-devices',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/core/ini',
      'electron/core/aws-files',
      'electron/core/profiles',
      'electron/core/totp',
      'electron/core/sts',
      'electron/core/renewal',
      'electron/core/app-state',
      'electron/core/time',
    ],
  },
  {
    folder: 'electron/core/prompt-broker',
    mayImport: ['electron/shared', 'electron/shared/vocabulary', 'electron/core/app-state'],
  },
  { folder: 'electron/app', mayImport: ['electron/shared', 'electron/shared/*', 'electron/core/*'] },
  { folder: 'electron/cli', mayImport: ['electron/shared', 'electron/shared/*', 'electron/core/*'] },
  {
    folder: 'electron/main',
    mayImport: ['electron/shared', 'electron/shared/*', 'electron/app', 'electron/cli', 'electron/core/*'],
    electron: true,
  },
  { folder: 'electron/preload', mayImport: ['electron/shared', 'electron/shared/*'], electron: true, node: false },
  { folder: 'renderer', mayImport: ['electron/shared', 'electron/shared/*'], node: false },
  // The `mfa-tray` launcher: loads the built CLI from dist/.
  { folder: 'bin', mayImport: [] },
  {
    folder: 'tools/sts-emulator',
    mayImport: ['electron/shared', 'electron/shared/vocabulary', 'electron/core/totp', 'electron/core/time'],
    devDependencies: true,
  },
  {
    folder: 'tools/demo',
    mayImport: [
      'electron/shared',
      'electron/shared/vocabulary',
      'electron/core/totp',
      'electron/core/time',
      'tools/sts-emulator',
      'testing',
    ],
    devDependencies: true,
  },
  { folder: 'tools/lint', mayImport: [], devDependencies: true },
  // The fake Electron main-process API the built main bundle runs under in tests: typed against Electron's own
  // declarations (type imports only; the app process resolves `electron` to this fake).
  {
    folder: 'testing/electron-fake',
    mayImport: ['electron/shared', 'electron/shared/*', 'testing'],
    electron: true,
    devDependencies: true,
  },
  {
    folder: 'testing',
    mayImport: [
      'electron/shared',
      'electron/shared/*',
      'electron/app',
      'electron/cli',
      'electron/core/*',
      'tools/sts-emulator',
    ],
    devDependencies: true,
  },
  { folder: 'e2e', mayImport: ['*'], electron: true, devDependencies: true },
  { folder: 'bench', mayImport: ['*'], devDependencies: true },
  { folder: 'scripts', mayImport: ['*'], devDependencies: true },
];

/** Build configuration that runs in Node at build time, not in the product (may use devDependencies). */
export const BUILD_CONFIG_FILES = ['renderer/vite.config.ts'];
