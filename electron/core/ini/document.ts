// A line-preserving ini document read with exactly the rules of Python's configparser.RawConfigParser
// (defaults: '=' and ':' delimiters, '#'/';' whole-line comments, strict, empty lines kept in values),
// which is what botocore's raw_config_parse uses. Serialising the lines gives back the input unchanged.
import { IniParseError, type IniProblem } from './errors';
import { firstNonSpace, pyRstrip, pyStrip } from './python-text';

export type LineEnding = '' | '\n' | '\r\n' | '\r';

export interface IniLine {
  /** The line without its ending. */
  text: string;
  eol: LineEnding;
}

/** One piece of a value as configparser collects it: the stripped text of a line ('' for a blank line). */
export interface ValuePart {
  text: string;
  line: number;
}

export interface IniEntry {
  /** Lower-cased, as botocore stores keys. */
  key: string;
  /** 0-based index of the `key = value` line. */
  line: number;
  /** 0-based index of the last line holding text of this value (a continuation line, or `line`). */
  lastLine: number;
  parts: ValuePart[];
}

export interface IniSection {
  /** The header's inner text exactly as botocore sees it (not trimmed). 'DEFAULT' blocks may repeat. */
  name: string;
  /** 0-based index of the header line. */
  line: number;
  entries: IniEntry[];
}

export interface IniDocument {
  lines: IniLine[];
  sections: IniSection[];
}

export const DEFAULT_SECTION = 'DEFAULT';

/** Python reads text files with universal newlines: \r\n, \r and \n each end a line. */
export function splitLines(text: string): IniLine[] {
  const lines: IniLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] as LineEnding });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function serializeLines(lines: readonly IniLine[]): string {
  let out = '';
  for (const line of lines) out += line.text + line.eol;
  return out;
}

/** The value configparser hands to botocore: pieces joined with \n, trailing whitespace removed. */
export function entryValue(entry: IniEntry): string {
  if (entry.parts.length === 1) return (entry.parts[0] as ValuePart).text;
  return pyRstrip(entry.parts.map((p) => p.text).join('\n'));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** Throws IniParseError where configparser raises, reporting the lines Python would report. */
export function parseIniDocument(text: string): IniDocument {
  const lines = splitLines(text);
  const sections: IniSection[] = [];
  const sectionLines = new Map<string, number>();
  const keyLines = new Map<string, number>();
  const badLines: IniProblem[] = [];
  let current: IniSection | null = null;
  // The option that blank and indented lines extend (configparser's `optname`); null when there is none.
  let open: IniEntry | null = null;
  let indentLevel = 0;

  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as IniLine).text;
    const stripped = pyStrip(raw);
    const first = stripped.charCodeAt(0);
    const isComment = first === 0x23 /* # */ || first === 0x3b; /* ; */
    if (isComment || stripped === '') {
      // configparser keeps blank (not comment) lines inside a value; rstrip drops them at the end.
      if (!isComment && current !== null && open !== null) open.parts.push({ text: '', line: i });
      continue;
    }
    const indent = firstNonSpace(raw);
    if (current !== null && open !== null && indent > indentLevel) {
      open.parts.push({ text: stripped, line: i });
      open.lastLine = i;
      continue;
    }
    indentLevel = indent;
    const close = first === 0x5b /* [ */ ? stripped.lastIndexOf(']') : -1;
    if (close >= 2) {
      // configparser's header regex is `\[(.+)\]` matched at the start: text after the last ']' is ignored.
      const name = stripped.slice(1, close);
      if (name !== DEFAULT_SECTION) {
        const earlier = sectionLines.get(name);
        if (earlier !== undefined) {
          throw new IniParseError([
            { line: i + 1, message: `section [${name}] appears twice (first on line ${earlier + 1})` },
          ]);
        }
        sectionLines.set(name, i);
      }
      current = { name, line: i, entries: [] };
      sections.push(current);
      open = null;
      continue;
    }
    if (current === null) {
      throw new IniParseError([
        { line: i + 1, message: `text before the first [section] header: ${quote(stripped)}` },
      ]);
    }
    const eq = stripped.indexOf('=');
    const colon = stripped.indexOf(':');
    const delimiter = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (delimiter < 0) {
      // configparser records the bad line and goes on; the option being continued stays open.
      badLines.push({ line: i + 1, message: `line has no '=' or ':' between a key and a value: ${quote(stripped)}` });
      continue;
    }
    const name = pyRstrip(stripped.slice(0, delimiter));
    if (name === '') badLines.push({ line: i + 1, message: `key name is empty: ${quote(stripped)}` });
    const key = name.toLowerCase();
    const slot = `${current.name}\u0000${key}`;
    const earlier = keyLines.get(slot);
    if (earlier !== undefined) {
      throw new IniParseError([
        {
          line: i + 1,
          message: `key ${quote(key)} appears twice in section [${current.name}] (first on line ${earlier + 1})`,
        },
      ]);
    }
    keyLines.set(slot, i);
    const entry: IniEntry = { key, line: i, lastLine: i, parts: [{ text: pyStrip(stripped.slice(delimiter + 1)), line: i }] };
    current.entries.push(entry);
    open = name === '' ? null : entry;
  }
  if (badLines.length > 0) throw new IniParseError(badLines);
  return { lines, sections };
}
