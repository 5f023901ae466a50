// The layering rule as `npm run lint` runs it: the repository's own ESLint config on code placed in a layer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layeringViolation } from './layering.mjs';
import { LAYERS } from './layers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'mfa-tray/layering')
    .map((message) => message.message);
}

describe('the layering rule', () => {
  it('fails a wrong-way import in npm run lint: the domain core reaching up into the app layer', async () => {
    const messages = await lint(
      'electron/core/ini/wrong-way.ts',
      "import { createAppService } from '../../app';\nexport const service = createAppService;\n",
    );
    expect(messages).toEqual([expect.stringContaining('electron/core/ini may not import electron/app')]);
  });

  it('passes an import the table allows', async () => {
    expect(
      await lint(
        'electron/core/profiles/allowed.ts',
        "import { loadConfig } from '../ini';\nexport const load = loadConfig;\n",
      ),
    ).toEqual([]);
  });

  it('holds tests to their layer too, with test support on top', () => {
    expect(layeringViolation('electron/core/ini/edit.test.ts', '../../app')).toMatch(/may not import electron\/app/);
    expect(layeringViolation('electron/core/ini/edit.test.ts', '../../../e2e/harness/fixtures')).toMatch(
      /may not import e2e/,
    );
    expect(layeringViolation('electron/core/ini/edit.test.ts', '../../../testing/botocore')).toBeUndefined();
    expect(layeringViolation('electron/core/ini/edit.test.ts', 'vitest')).toBeUndefined();
  });

  it('keeps devDependencies out of production code, and Electron and Node where they cannot run', () => {
    expect(layeringViolation('electron/core/aws-files/writer.ts', 'esbuild')).toMatch(/esbuild is a devDependency/);
    expect(layeringViolation('electron/core/aws-files/writer.ts', 'zod')).toBeUndefined();
    expect(layeringViolation('electron/core/aws-files/writer.ts', 'electron')).toMatch(/may not import electron/);
    expect(layeringViolation('electron/main/tray.ts', 'electron')).toBeUndefined();
    expect(layeringViolation('renderer/src/main.tsx', 'node:fs')).toMatch(/runs without Node/);
    expect(layeringViolation('scripts/anything.ts', 'esbuild')).toBeUndefined();
  });

  it('puts every file in a layer', () => {
    expect(layeringViolation('somewhere/else.ts', 'zod')).toMatch(/in no layer/);
  });

  it("is the table docs/architecture.md shows: every layer's folder and may-import list", () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const rows = new Map<string, string[]>();
    for (const line of doc.split('\n')) {
      const cells = /^\| `([^`]+)` \|[^|]*\| (.*) \|$/.exec(line);
      if (!cells) continue;
      const imports = cells[2] === 'nothing of ours' ? [] : cells[2]!.split(', ').map((cell) => cell.replace(/`/g, ''));
      rows.set(cells[1]!, imports);
    }
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(LAYERS.map((layer) => [layer.folder, [...layer.mayImport]])),
    );
  });
});
