// raw_config_parse in one pass over the text, without building a document: it allocates only the keys,
// values and records it returns, which keeps large files linear (an intermediate document per line made the
// garbage collector copy it all). It follows parseIniDocument's rules line for line; on anything it does not
// read itself — an error of any kind, or a [DEFAULT] section — it gives up, and the caller reads the
// text with the document parser, which gives botocore's exact result or error.
// A repeated section header is an error too; the caller spots it where it stores the section (see scanSections).
import { DEFAULT_SECTION } from './document';
import { isPythonSpace, pyRstrip } from './python-text';
import { emptyRecord } from './empty-record';
import type { RawConfig, SettingValue } from './raw-config-types';
import { parseSubSection } from './sub-section';

const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const LF = 0x0a;
const CR = 0x0d;

/** What a multi-line value (continuation lines, or `s3 =` with an indented block) becomes; undefined if it cannot parse. */
function multiLineValue(parts: readonly string[]): SettingValue | undefined {
  const value = pyRstrip(parts.join('\n'));
  if (value.charCodeAt(0) !== LF) return value;
  const parsed = parseSubSection(parts);
  return parsed.ok ? parsed.nested : undefined;
}

/** Slots of the key cache (a power of two). */
const KEY_CACHE_SIZE = 256;

/** Whether text[start, end) is `other`. */
function sameText(text: string, start: number, end: number, other: string): boolean {
  if (other.length !== end - start) return false;
  for (let i = 0; i < other.length; i++) if (text.charCodeAt(start + i) !== other.charCodeAt(i)) return false;
  return true;
}

/** Past the end of any text: where a character that does not occur (any more) is. */
const NOWHERE = Number.MAX_SAFE_INTEGER;

function searchFrom(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? NOWHERE : at;
}

/** botocore's raw_config_parse of the usual file, or undefined when the document reader must read it. */
export function scanRawConfig(text: string): RawConfig | undefined {
  const config = emptyRecord<Record<string, SettingValue>>();
  let repeated = false;
  const read = scanSections(text, (header, values) => {
    if (config[header] !== undefined) repeated = true;
    config[header] = values;
  });
  return read && !repeated ? config : undefined;
}

/**
 * Reads every section, handing each header (as botocore names the section) and its values to `place` in file
 * order; false when the text needs the document reader. It does not check that headers differ: `place` keeps
 * the sections and can tell (without a pass over all keys, which costs more than linear on big records).
 */
export function scanSections(
  text: string,
  place: (header: string, values: Record<string, SettingValue>) => void,
): boolean {
  const length = text.length;
  const keyTexts = new Array<string | undefined>(KEY_CACHE_SIZE);
  const keysOfText = new Array<string>(KEY_CACHE_SIZE);
  // The engine's indexOf finds characters much faster than a loop over charCodeAt. Without \r, lines end at
  // \n only; the next '=' and ':' are looked up again only once the scan has passed them, so each search
  // covers new text and the whole stays linear.
  const hasCarriageReturns = text.includes('\r');
  let nextEquals = -1;
  let nextColon = -1;
  let values: Record<string, SettingValue> | undefined;
  // The option that blank and deeper-indented lines extend (configparser's `optname`), and its pieces once
  // it spans lines. Blank lines only count once text follows them: trailing ones are stripped anyway.
  let openKey: string | undefined;
  let openParts: string[] | undefined;
  let pendingBlanks = 0;
  let indentLevel = 0;
  let lineStart = 0;

  while (lineStart < length) {
    // Universal newlines, as Python reads text: \n, \r\n and \r each end a line.
    let end: number;
    if (hasCarriageReturns) {
      end = lineStart;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === LF || code === CR) break;
        end++;
      }
    } else {
      end = text.indexOf('\n', lineStart);
      if (end < 0) end = length;
    }
    const start = lineStart;
    lineStart = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);

    let indent = start;
    while (indent < end && isPythonSpace(text.charCodeAt(indent))) indent++;
    if (indent === end) {
      if (openKey !== undefined) pendingBlanks++;
      continue;
    }
    const first = text.charCodeAt(indent);
    if (first === HASH || first === SEMICOLON) continue;
    let stop = end;
    while (isPythonSpace(text.charCodeAt(stop - 1))) stop--;
    const column = indent - start;

    if (openKey !== undefined && column > indentLevel) {
      openParts ??= [(values as Record<string, SettingValue>)[openKey] as string];
      for (; pendingBlanks > 0; pendingBlanks--) openParts.push('');
      openParts.push(text.slice(indent, stop));
      continue;
    }
    indentLevel = column;

    // The value being continued ends here: at a header or the next key.
    if (openParts !== undefined) {
      const value = multiLineValue(openParts);
      if (value === undefined) return false;
      (values as Record<string, SettingValue>)[openKey as string] = value;
      openParts = undefined;
    }
    openKey = undefined;
    pendingBlanks = 0;

    if (first === OPEN_BRACKET) {
      // configparser's header regex is `\[(.+)\]` matched at the start: text after the last ']' is ignored.
      const close = text.lastIndexOf(']', stop - 1);
      if (close >= indent + 2) {
        const name = text.slice(indent + 1, close);
        if (name === DEFAULT_SECTION) return false;
        values = emptyRecord<SettingValue>();
        place(name, values);
        continue;
      }
    }
    if (values === undefined) return false;
    if (nextEquals < indent && nextEquals !== NOWHERE) nextEquals = searchFrom(text, '=', indent);
    if (nextColon < indent && nextColon !== NOWHERE) nextColon = searchFrom(text, ':', indent);
    const delimiter = Math.min(nextEquals, nextColon);
    let nameEnd = delimiter;
    while (nameEnd > indent && isPythonSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    // No delimiter, an empty key or a repeated key: errors the document parser words.
    if (delimiter >= stop || nameEnd === indent) return false;
    // Files repeat a few key names thousands of times: reusing the key string of an earlier line with the same
    // text saves slicing and lower-casing, and gives the record a key the engine has already looked up.
    const slot =
      ((nameEnd - indent) * 31 + text.charCodeAt(indent) * 7 + text.charCodeAt(nameEnd - 1)) & (KEY_CACHE_SIZE - 1);
    const keyText = keyTexts[slot];
    let key: string;
    if (keyText !== undefined && sameText(text, indent, nameEnd, keyText)) {
      key = keysOfText[slot] as string;
    } else {
      const written = text.slice(indent, nameEnd);
      key = written.toLowerCase();
      keyTexts[slot] = written;
      keysOfText[slot] = key;
    }
    if (values[key] !== undefined) return false;
    let valueStart = delimiter + 1;
    while (valueStart < stop && isPythonSpace(text.charCodeAt(valueStart))) valueStart++;
    values[key] = text.slice(valueStart, stop);
    openKey = key;
  }
  if (openParts !== undefined) {
    const value = multiLineValue(openParts);
    if (value === undefined) return false;
    (values as Record<string, SettingValue>)[openKey as string] = value;
  }
  return true;
}
