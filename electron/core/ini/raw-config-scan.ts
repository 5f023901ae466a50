// raw_config_parse in one pass over the text, without building a document: it allocates only the keys,
// values and records it returns, which keeps large files linear (an intermediate document per line made the
// garbage collector copy it all). It follows parseIniDocument's rules line for line; on anything it does not
// read itself — an error of any kind, or a [DEFAULT] section — it answers undefined, and the caller reads the
// text with the document parser, which gives botocore's exact result or error.
import { DEFAULT_SECTION } from './document';
import { isPythonSpace, pyRstrip } from './python-text';
import { emptyRecord } from './empty-record';
import type { RawConfig, SettingValue } from './raw-config';
import { parseSubSection } from './sub-section';

const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const EQUALS = 0x3d;
const COLON = 0x3a;
const LF = 0x0a;
const CR = 0x0d;

/** What a multi-line value (continuation lines, or `s3 =` with an indented block) becomes; undefined if it cannot parse. */
function multiLineValue(parts: readonly string[]): SettingValue | undefined {
  const value = pyRstrip(parts.join('\n'));
  if (value.charCodeAt(0) !== LF) return value;
  const parsed = parseSubSection(parts);
  return parsed.ok ? parsed.nested : undefined;
}

export function scanRawConfig(text: string): RawConfig | undefined {
  const config = emptyRecord<Record<string, SettingValue>>();
  const length = text.length;
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
    let end = lineStart;
    let code = 0;
    while (end < length) {
      code = text.charCodeAt(end);
      if (code === LF || code === CR) break;
      end++;
    }
    const start = lineStart;
    lineStart = end + (code === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);

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
      if (value === undefined) return undefined;
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
        if (name === DEFAULT_SECTION || config[name] !== undefined) return undefined;
        values = emptyRecord<SettingValue>();
        config[name] = values;
        continue;
      }
    }
    if (values === undefined) return undefined;
    let delimiter = indent;
    while (delimiter < stop) {
      const c = text.charCodeAt(delimiter);
      if (c === EQUALS || c === COLON) break;
      delimiter++;
    }
    let nameEnd = delimiter;
    while (nameEnd > indent && isPythonSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    // No delimiter, an empty key or a repeated key: errors the document parser words.
    if (delimiter === stop || nameEnd === indent) return undefined;
    const key = text.slice(indent, nameEnd).toLowerCase();
    if (values[key] !== undefined) return undefined;
    let valueStart = delimiter + 1;
    while (valueStart < stop && isPythonSpace(text.charCodeAt(valueStart))) valueStart++;
    values[key] = text.slice(valueStart, stop);
    openKey = key;
  }
  if (openParts !== undefined) {
    const value = multiLineValue(openParts);
    if (value === undefined) return undefined;
    (values as Record<string, SettingValue>)[openKey as string] = value;
  }
  return config;
}
