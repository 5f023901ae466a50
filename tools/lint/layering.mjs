// ESLint rule `mfa-tray/layering`: every import must follow the architecture table in layers.mjs (tests too), and
// only tests, test support and dev tooling may use devDependencies. Relative imports are resolved to the folder
// they land in; bare imports are checked against package.json.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_CONFIG_FILES, LAYERS } from './layers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const DEV_DEPENDENCIES = new Set(Object.keys(packageJson.devDependencies ?? {}));
// Longest folder first, so electron/core/ini wins over a shorter prefix.
const BY_SPECIFICITY = [...LAYERS].sort((a, b) => b.folder.length - a.folder.length);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
/** What tests may use besides their own layer's imports. */
const TEST_SUPPORT = ['testing', 'tools/sts-emulator', 'scripts'];

/** The layer a repository-relative path belongs to. */
export function layerOf(path) {
  const normalized = path.split(sep).join('/');
  return BY_SPECIFICITY.find((layer) => normalized === layer.folder || normalized.startsWith(`${layer.folder}/`));
}

/** Whether a may-import list names `folder`, directly or by a `prefix/*` or `*` pattern. */
function allows(list, folder) {
  return list.some(
    (entry) => entry === folder || entry === '*' || (entry.endsWith('/*') && folder.startsWith(entry.slice(0, -1))),
  );
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `specifier` may not be imported from `file` (repository-relative), or undefined when it may. */
export function layeringViolation(file, specifier) {
  // Repository-level configuration (eslint, vitest, playwright configs) is dev tooling.
  if (!file.includes('/')) return undefined;
  const from = layerOf(file);
  if (!from) return `${file} is in no layer of tools/lint/layers.mjs: add its folder to the table.`;
  const isTest = TEST_FILE.test(file);
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier))
      .split(sep)
      .join('/');
    if (target.startsWith('..')) return `${specifier} leaves the repository.`;
    const to = layerOf(target);
    if (!to) return `${target} is in no layer of tools/lint/layers.mjs.`;
    if (to === from || allows(from.mayImport, to.folder)) return undefined;
    if (isTest && allows(TEST_SUPPORT, to.folder)) return undefined;
    return `${from.folder} may not import ${to.folder}${isTest ? ', even in a test' : ''} (the table in docs/architecture.md).`;
  }
  if (specifier.startsWith('node:')) {
    return from.node === false && !isTest && !BUILD_CONFIG_FILES.includes(file)
      ? `${from.folder} runs without Node: ${specifier} is not there.`
      : undefined;
  }
  const name = packageName(specifier);
  if (name === 'electron')
    return from.electron
      ? undefined
      : `${from.folder} may not import electron: Electron objects are passed in from electron/main.`;
  if (DEV_DEPENDENCIES.has(name) && !isTest && !from.devDependencies && !BUILD_CONFIG_FILES.includes(file)) {
    return `${name} is a devDependency: only tests, testing/, scripts/, tools/, e2e/ and bench/ may import it.`;
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the architecture table (docs/architecture.md).' },
    schema: [],
  },
  create(context) {
    const file = relative(ROOT, context.physicalFilename).split(sep).join('/');
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = layeringViolation(file, source.value);
      if (problem) context.report({ node: source, message: problem });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { meta: { name: 'mfa-tray' }, rules: { layering: rule } };
