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
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lines.push({ text: text.slice(start, i), eol: '\n' });
      start = i + 1;
    } else if (c === 0x0d) {
      const crlf = text.charCodeAt(i + 1) === 0x0a;
      lines.push({ text: text.slice(start, i), eol: crlf ? '\r\n' : '\r' });
      if (crlf) i++;
      start = i + 1;
    }
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

/** Quotes a key name in a message. Problem messages never quote a whole line: it may be a pasted secret. */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** Throws IniParseError where configparser raises, reporting the lines Python would report. */
export function parseIniDocument(text: string): IniDocument {
  const lines = splitLines(text);
  const sections: IniSection[] = [];
  const sectionLines = new Map<string, number>();
  // Lines of the keys seen in the current section ([DEFAULT] blocks share theirs), for duplicate checks.
  const defaultKeys = new Map<string, number>();
  const sectionKeys = new Map<string, number>();
  let currentKeys = sectionKeys;
  const badLines: IniProblem[] = [];
  let current: IniSection | null = null;
  // The option that blank and indented lines extend (configparser's `optname`); null when there is none.
  let open: IniEntry | null = null;
  let indentLevel = 0;

  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as IniLine).text;
    const indent = firstNonSpace(raw);
    const first = indent < 0 ? -1 : raw.charCodeAt(indent);
    const isComment = first === 0x23 /* # */ || first === 0x3b; /* ; */
    if (isComment || indent < 0) {
      // configparser keeps blank (not comment) lines inside a value; rstrip drops them at the end.
      if (!isComment && current !== null && open !== null) open.parts.push({ text: '', line: i });
      continue;
    }
    const stripped = pyRstrip(indent === 0 ? raw : raw.slice(indent));
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
      if (name === DEFAULT_SECTION) {
        currentKeys = defaultKeys;
      } else {
        // Other sections cannot repeat, so one map serves them all in turn.
        sectionKeys.clear();
        currentKeys = sectionKeys;
      }
      sections.push(current);
      open = null;
      continue;
    }
    if (current === null) {
      throw new IniParseError([{ line: i + 1, message: 'text before the first [section] header' }]);
    }
    const eq = stripped.indexOf('=');
    const colon = stripped.indexOf(':');
    const delimiter = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (delimiter < 0) {
      // configparser records the bad line and goes on; the option being continued stays open.
      badLines.push({ line: i + 1, message: `line has no '=' or ':' between a key and a value` });
      continue;
    }
    const name = pyRstrip(stripped.slice(0, delimiter));
    if (name === '') badLines.push({ line: i + 1, message: 'key name is empty' });
    const key = name.toLowerCase();
    const earlier = currentKeys.get(key);
    if (earlier !== undefined) {
      throw new IniParseError([
        {
          line: i + 1,
          message: `key ${quote(key)} appears twice in section [${current.name}] (first on line ${earlier + 1})`,
        },
      ]);
    }
    currentKeys.set(key, i);
    const entry: IniEntry = {
      key,
      line: i,
      lastLine: i,
      parts: [{ text: pyStrip(stripped.slice(delimiter + 1)), line: i }],
    };
    current.entries.push(entry);
    open = name === '' ? null : entry;
  }
  if (badLines.length > 0) throw new IniParseError(badLines);
  return { lines, sections };
}
