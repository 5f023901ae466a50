// Plain-text tables and safe cell text for terminal output.

/** Makes a value safe to print: control characters (terminal escapes, NUL...) become visible \xNN escapes. */
export function printable(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    const control = (code < 0x20 && char !== '\n') || (code >= 0x7f && code <= 0x9f);
    out += control ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }
  return out;
}

/**
 * Columns padded to their widest cell, two spaces apart, no trailing blanks. A cell with line breaks
 * (an ini continuation value) continues on the next lines, in its column.
 */
export function formatTable(rows: readonly (readonly string[])[], indent = ''): string {
  const cellLines = rows.map((row) => row.map((cell) => printable(cell).split('\n')));
  const widths: number[] = [];
  for (const row of cellLines)
    row.forEach((lines, i) => (widths[i] = Math.max(widths[i] ?? 0, ...lines.map((l) => l.length))));
  const out: string[] = [];
  for (const row of cellLines) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line++) {
      const text = row
        .map((lines, i) => (i === row.length - 1 ? (lines[line] ?? '') : (lines[line] ?? '').padEnd(widths[i]!)))
        .join('  ');
      out.push(`${indent}${text}`.trimEnd());
    }
  }
  return out.map((line) => `${line}\n`).join('');
}
