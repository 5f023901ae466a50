// Python's notion of whitespace and line splitting, which configparser and botocore rely on.
// It differs from JavaScript's: Python counts \x1c-\x1f and \x85 as whitespace but not U+FEFF.

/** Every code point for which Python's str.isspace() (and re's \s) is true. All are in the BMP. */
const PYTHON_WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
  0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export function isPythonSpace(code: number): boolean {
  // ASCII answers without a set lookup: space, \t..\r and \x1c..\x1f; nothing from '!' to \x84 is a space.
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  return code >= 0x85 && PYTHON_WHITESPACE.has(code);
}

/** Index of the first non-whitespace character (Python `re.search(r"\S")`), or -1. */
export function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isPythonSpace(text.charCodeAt(i))) return i;
  return -1;
}

export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

export function pyStrip(text: string): string {
  const start = firstNonSpace(text);
  return start < 0 ? '' : pyRstrip(start === 0 ? text : text.slice(start));
}

/** Python's str.splitlines() boundaries (used by botocore's sub-section parser). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly Python's line boundaries
const SPLITLINES = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/;

export function pySplitlines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split(SPLITLINES);
  // A trailing boundary does not start an extra empty line in Python.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
