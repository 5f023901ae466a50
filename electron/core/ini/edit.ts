// Edits in the style of `aws configure set`: replace a key's lines in place, insert a new key after the
// section's last key, append a new section at the end. Every other byte is kept. Each edit is checked by
// reading the result again, as botocore and as the JS SDK do, before it is accepted.
import {
  DEFAULT_SECTION,
  parseIniDocument,
  serializeLines,
  splitLines,
  type IniDocument,
  type IniLine,
  type IniSection,
  type LineEnding,
} from './document';
import { IniEditError, IniParseError } from './errors';
import { jsSdkConfigProfiles, jsSdkParseIni, JsSdkReadError } from './js-sdk-reading';
import { configSectionIdentity } from './load-config';
import { isPythonSpace, pyStrip } from './python-text';
import { defaultEntries, rawConfigFromDocument, rawConfigParse } from './raw-config';
import type { RawConfig, SettingValue } from './raw-config-types';
import { sameSetting } from './setting-equality';

export interface IniEdit {
  /** The header's inner text as we write it: 'default', 'profile NAME' (config), 'NAME' (credentials). */
  section: string;
  key: string;
  /** The new value, or null to delete the key. */
  value: string | null;
}

export interface ApplyEditsOptions {
  /**
   * Which AWS file the text is. In a config file `[profile "x"]` and `[profile x]` are the same profile (as are
   * `[default]` and `[profile default]`) and botocore reads the later one, so edits go there. Default: 'config'.
   */
  file?: 'config' | 'credentials';
}

const KEY = /^[a-z0-9_]+$/;
// NAME, or (botocore reads them; the JS SDK drops them) words of NAME's characters joined by single spaces —
// double-quoted after a config prefix, where botocore's shlex would otherwise split them.
const SECTION =
  /^(?:(profile|sso-session|services) )?(?:([\w\-@+.%:/]+)|"([\w\-@+.%:/]+(?: [\w\-@+.%:/]+)+)"|([\w\-@+.%:/]+(?: [\w\-@+.%:/]+)+))$/;
// Line breaks for Python or other readers, and control characters that have no place in a setting.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_VALUE = /[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]/;
// The JS SDK cuts a line at `#` or `;` that starts it or follows whitespace.
const JS_INLINE_COMMENT = /(^|\s)[;#]/;

function validateEdit(edit: IniEdit): void {
  const where = `[${edit.section}] ${edit.key}`;
  if (!KEY.test(edit.key)) throw new IniEditError(`${where}: key must be lower-case letters, digits or _ (a-z0-9_)`);
  // The JS SDK stores keys on plain objects, where `__proto__` cannot be a key.
  if (edit.key === '__proto__') throw new IniEditError(`${where}: the JS SDK cannot read a key named __proto__`);
  const section = SECTION.exec(edit.section);
  if (section === null || edit.section === DEFAULT_SECTION || section[2] === '__proto__') {
    throw new IniEditError(
      `[${edit.section}]: section must be NAME or "profile|sso-session|services NAME" with NAME of letters, digits and _-@+.%:/ (words joined by single spaces, quoted after a prefix; not DEFAULT or __proto__)`,
    );
  }
  // Unquoted words after a prefix are more than two shlex words: botocore would drop the section.
  if (section[1] !== undefined && section[4] !== undefined)
    throw new IniEditError(`[${edit.section}]: a name with spaces must be double-quoted after "${section[1]}"`);
  const value = edit.value;
  if (value === null) return;
  if (value === '')
    throw new IniEditError(
      `${where}: empty value (botocore and the JS SDK read an empty value differently; delete the key instead)`,
    );
  if (FORBIDDEN_IN_VALUE.test(value))
    throw new IniEditError(`${where}: value contains a line break or control character`);
  const ends = [value.charCodeAt(0), value.charCodeAt(value.length - 1)];
  if (ends.some((c) => isPythonSpace(c) || /\s/.test(String.fromCharCode(c)))) {
    throw new IniEditError(`${where}: value starts or ends with whitespace, which both readers drop`);
  }
  if (JS_INLINE_COMMENT.test(value)) {
    throw new IniEditError(
      `${where}: value has '#' or ';' at its start or after whitespace, which the JS SDK reads as a comment`,
    );
  }
}

function lineEndingOf(lines: readonly IniLine[]): Exclude<LineEnding, '' | '\r'> {
  for (const line of lines) if (line.eol !== '') return line.eol === '\r\n' ? '\r\n' : '\n';
  return '\n';
}

function sameSection(header: string, target: string, file: 'config' | 'credentials'): boolean {
  if (file === 'credentials') return header === target;
  const a = configSectionIdentity(header);
  const b = configSectionIdentity(target);
  return a !== null && b !== null && a.kind === b.kind && a.name === b.name;
}

/** The section botocore reads for `name`: in a config file the last one with the same identity. */
function findSection(doc: IniDocument, name: string, file: 'config' | 'credentials'): IniSection | undefined {
  let found: IniSection | undefined;
  for (const section of doc.sections) {
    if (section.name !== DEFAULT_SECTION && sameSection(section.name, name, file)) found = section;
  }
  return found;
}

function applyOne(text: string, edit: IniEdit, file: 'config' | 'credentials'): string {
  validateEdit(edit);
  if (file === 'config' && configSectionIdentity(edit.section) === null) {
    throw new IniEditError(`[${edit.section}]: botocore ignores a config section named like this`);
  }
  const doc = parseIniDocument(text);
  const before = rawConfigFromDocument(doc);
  const lines = doc.lines.slice();
  const eol = lineEndingOf(lines);
  const target = findSection(doc, edit.section, file);
  const entry = target?.entries.find((e) => e.key === edit.key);
  const keyLine = (lineEnd: LineEnding): IniLine => ({ text: `${edit.key} = ${edit.value ?? ''}`, eol: lineEnd });

  if (edit.value === null) {
    if (defaultEntries(doc).has(edit.key)) {
      throw new IniEditError(
        `[${edit.section}] ${edit.key}: the [DEFAULT] section also sets it, so botocore would still read a value after deleting it`,
      );
    }
    if (entry === undefined) {
      // Nothing for botocore to delete, but the JS SDK may still read the key from a section botocore
      // does not use (e.g. an earlier `[profile x]` shadowed by a later `[profile 'x']`).
      verifyJsSdkReading(text, edit, file);
      return text;
    }
    lines.splice(entry.line, entry.lastLine - entry.line + 1);
  } else if (entry !== undefined) {
    // Replace the key line and all its continuation/sub-section lines; written unindented so that the
    // JS SDK never takes it for part of a sub-section.
    lines.splice(entry.line, entry.lastLine - entry.line + 1, keyLine((lines[entry.lastLine] as IniLine).eol));
  } else if (target !== undefined) {
    const last = target.entries[target.entries.length - 1];
    const after = last === undefined ? target.line : last.lastLine;
    const previous = lines[after] as IniLine;
    if (previous.eol === '') lines[after] = { ...previous, eol };
    lines.splice(after + 1, 0, keyLine(previous.eol === '' ? eol : previous.eol));
  } else {
    const last = lines[lines.length - 1];
    // New lines end like the line before them, so that a lone \r never merges with a following \n.
    const lineEnd = last === undefined || last.eol === '' ? eol : last.eol;
    if (last !== undefined) {
      if (last.eol === '') lines[lines.length - 1] = { ...last, eol };
      if (pyStrip(last.text) !== '') lines.push({ text: '', eol: lineEnd });
    }
    lines.push({ text: `[${edit.section}]`, eol: lineEnd }, keyLine(lineEnd));
  }
  const result = serializeLines(lines);
  if (splitLines(result).length !== lines.length) {
    throw new IniEditError(
      `[${edit.section}] ${edit.key}: a lone carriage return (\\r) line ending next to the edit would merge with another line; edit the file by hand`,
    );
  }
  verifyBotocoreReading(before, result, edit, target?.name ?? edit.section);
  verifyJsSdkReading(result, edit, file);
  return result;
}

function withoutKey(values: Record<string, SettingValue> | undefined, key: string): Record<string, SettingValue> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([k]) => k !== key));
}

function verifyBotocoreReading(before: RawConfig, result: string, edit: IniEdit, sectionName: string): void {
  let after: RawConfig;
  try {
    after = rawConfigParse(result);
  } catch (error) {
    if (error instanceof IniParseError)
      throw new IniEditError(
        `[${edit.section}] ${edit.key}: the edit would make botocore reject the file (${error.message})`,
      );
    throw error;
  }
  const changed = (why: string): IniEditError =>
    new IniEditError(
      `[${edit.section}] ${edit.key}: the edit would change how botocore reads other lines (${why}); edit the file by hand`,
    );
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (name === sectionName) continue;
    if (!sameSetting(before[name], after[name])) throw changed(`section [${name}]`);
  }
  const edited = after[sectionName];
  if (edited === undefined) throw changed(`section [${sectionName}] is missing`);
  if (
    before[sectionName] !== undefined &&
    !sameSetting(withoutKey(before[sectionName], edit.key), withoutKey(edited, edit.key))
  ) {
    throw changed(`other keys of [${sectionName}]`);
  }
  if (edited[edit.key] !== (edit.value ?? undefined)) throw changed(`botocore would not read the new value`);
}

function verifyJsSdkReading(result: string, edit: IniEdit, file: 'config' | 'credentials'): void {
  let parsed: Record<string, Record<string, string>>;
  try {
    parsed = jsSdkParseIni(result);
  } catch (error) {
    if (error instanceof JsSdkReadError)
      throw new IniEditError(`the AWS SDK for JavaScript cannot read this file: ${error.message}`);
    throw error;
  }
  let values: Record<string, string> | undefined;
  // The JS SDK reads no section whose name has a space (its profile-name pattern has none): nothing of it to check.
  if (/\s/.test(edit.section.replace(/^(?:profile|sso-session|services) /, ''))) return;
  if (file === 'credentials') {
    values = parsed[edit.section];
  } else {
    const identity = configSectionIdentity(edit.section);
    if (identity === null || identity.kind === 'other') return; // the JS SDK does not read such sections
    const name = identity.kind === 'profile' ? identity.name : `${identity.kind}.${identity.name}`;
    values = jsSdkConfigProfiles(parsed)[name];
  }
  if (values?.[edit.key] !== (edit.value ?? undefined)) {
    throw new IniEditError(
      `[${edit.section}] ${edit.key}: the AWS SDK for JavaScript would not read this edit as botocore does (the file's layout around it differs for the two); edit the file by hand`,
    );
  }
}

/** Applies the edits in order. Throws IniParseError (botocore rejects the text) or IniEditError. */
export function applyEdits(text: string, edits: readonly IniEdit[], options: ApplyEditsOptions = {}): string {
  const file = options.file ?? 'config';
  let current = text;
  for (const edit of edits) current = applyOne(current, edit, file);
  return current;
}
