// Random edits on random files, for checking edits against botocore and the JS SDK.
import { parseIniDocument, splitLines, type IniDocument } from '../../electron/core/ini/document';
import { IniEditError, IniParseError } from '../../electron/core/ini/errors';
import { applyEdits, type IniEdit } from '../../electron/core/ini/edit';
import { configSectionIdentity } from '../../electron/core/ini/load-config';
import { rawConfigFromDocument } from '../../electron/core/ini/raw-config';
import { generateIniText } from './generator';
import type { Random } from './random';

const SECTION_NAME = /^(?:(?:profile|sso-session|services) )?[\w\-@+.%:/]+$/;
const KEY = /^[a-z0-9_]+$/;
const NEW_KEYS = ['expiration', 'aws_session_token', 'region', 'mfa_serial', 'new_key_1'];
const VALUES = [
  'eu-west-1',
  '2030-01-01T00:00:00Z',
  'a=b:c',
  'arn:aws:iam::123456789012:mfa/me',
  'x#y',
  '"q"',
  'ünï',
  'a\tb',
];

export interface EditStep {
  before: string;
  after: string;
  edit: IniEdit;
  file: 'config' | 'credentials';
}

function randomEdit(random: Random, doc: IniDocument, file: 'config' | 'credentials'): IniEdit {
  const existing = doc.sections
    .map((s) => s.name)
    .filter(
      (n) =>
        SECTION_NAME.test(n) &&
        n !== 'DEFAULT' &&
        !n.includes('__proto__') &&
        (file === 'credentials' || configSectionIdentity(n) !== null),
    );
  const section =
    existing.length > 0 && random.chance(0.8)
      ? random.pick(existing)
      : random.pick(
          file === 'config'
            ? ['profile fresh', 'default', 'sso-session fresh', 'services fresh']
            : ['fresh', 'default'],
        );
  const keys = doc.sections
    .filter((s) => s.name === section)
    .flatMap((s) => s.entries.map((e) => e.key))
    .filter((k) => KEY.test(k) && k !== '__proto__');
  const key = keys.length > 0 && random.chance(0.6) ? random.pick(keys) : random.pick(NEW_KEYS);
  return { section, key, value: random.chance(0.2) ? null : random.pick(VALUES) };
}

/** Steps of accepted edits on files botocore's rules accept; also counts files and refused edits. */
export function randomEditSteps(random: Random, files: number): { steps: EditStep[]; refused: number } {
  const steps: EditStep[] = [];
  let refused = 0;
  for (let made = 0; made < files;) {
    const text = generateIniText(random);
    let doc: IniDocument;
    try {
      doc = parseIniDocument(text);
      rawConfigFromDocument(doc); // botocore also rejects bad sub-sections
    } catch (error) {
      if (error instanceof IniParseError) continue;
      throw error;
    }
    made++;
    const file = random.chance(0.7) ? 'config' : 'credentials';
    let current = text;
    for (let n = 1 + random.int(3); n > 0; n--) {
      const edit = randomEdit(random, doc, file);
      try {
        const after = applyEdits(current, [edit], { file });
        steps.push({ before: current, after, edit, file });
        current = after;
        doc = parseIniDocument(current);
      } catch (error) {
        if (error instanceof IniEditError || error instanceof IniParseError) refused++;
        else throw error;
      }
    }
  }
  return { steps, refused };
}

/** Lines of `before` and `after` outside their common start and end: what an edit touched. */
export function touchedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = splitLines(before).map((l) => l.text + l.eol);
  const b = splitLines(after).map((l) => l.text + l.eol);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}
