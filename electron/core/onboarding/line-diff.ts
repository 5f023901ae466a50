// The review step's diff: which lines of a file the wizard adds, changes or removes, with a little context,
// and every secret value masked. Myers' O((N+M)·D) algorithm: our edits touch a handful of lines, so D is tiny
// even in a credentials file of thousands of lines.
import type { WizardFileDiff } from '../../shared/contract';
import { SECRET_KEYS } from '../profiles/secrets';
import { MASK, maskKnownSecrets } from './mask-secrets';

export type DiffLine = WizardFileDiff['hunks'][number][number];

const CONTEXT_LINES = 2;

type Operation = { kind: 'context' | 'removed' | 'added'; oldIndex?: number; newIndex?: number };

/** Hunks of changed lines; empty when the texts are equal. `knownSecrets` are masked wherever they appear. */
export function diffIniTexts(oldText: string, newText: string, knownSecrets: readonly string[] = []): DiffLine[][] {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const oldSecret = secretLineFlags(oldLines);
  const newSecret = secretLineFlags(newLines);
  const show = (line: string, secret: boolean): string =>
    maskKnownSecrets(secret ? maskValue(line) : line, knownSecrets);
  const operations = myers(oldLines, newLines);
  const changed = operations.flatMap((operation, index) => (operation.kind === 'context' ? [] : [index]));
  const hunks: DiffLine[][] = [];
  let cursor = 0;
  while (cursor < changed.length) {
    const first = changed[cursor] as number;
    let last = first;
    // Changes closer than twice the context share one hunk.
    while (cursor + 1 < changed.length && (changed[cursor + 1] as number) - last <= 2 * CONTEXT_LINES + 1) {
      cursor += 1;
      last = changed[cursor] as number;
    }
    cursor += 1;
    const from = Math.max(0, first - CONTEXT_LINES);
    const to = Math.min(operations.length - 1, last + CONTEXT_LINES);
    const lines: DiffLine[] = [];
    const header = sectionHeaderAbove(operations, first, from, oldLines, newLines);
    if (header) lines.push(toLine(header, oldLines, newLines, oldSecret, newSecret, show));
    for (let index = from; index <= to; index += 1) {
      lines.push(toLine(operations[index] as Operation, oldLines, newLines, oldSecret, newSecret, show));
    }
    hunks.push(lines);
  }
  return hunks;
}

function toLine(
  operation: Operation,
  oldLines: string[],
  newLines: string[],
  oldSecret: boolean[],
  newSecret: boolean[],
  show: (line: string, secret: boolean) => string,
): DiffLine {
  if (operation.kind === 'added') {
    const index = operation.newIndex as number;
    return { kind: 'added', newLine: index + 1, text: show(newLines[index] ?? '', newSecret[index] ?? false) };
  }
  const index = operation.oldIndex as number;
  const line: DiffLine = {
    kind: operation.kind,
    oldLine: index + 1,
    text: show(oldLines[index] ?? '', oldSecret[index] ?? false),
  };
  if (operation.newIndex !== undefined) line.newLine = operation.newIndex + 1;
  return line;
}

/** The `[section]` line the hunk's first change belongs to, when the context above it does not show it already. */
function sectionHeaderAbove(
  operations: Operation[],
  firstChange: number,
  from: number,
  oldLines: string[],
  newLines: string[],
): Operation | undefined {
  for (let index = firstChange; index >= 0; index -= 1) {
    const operation = operations[index] as Operation;
    const text =
      operation.oldIndex !== undefined ? oldLines[operation.oldIndex] : newLines[operation.newIndex as number];
    if (/^\s*\[/.test(text ?? '')) return index < from && operation.kind === 'context' ? operation : undefined;
  }
  return undefined;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Lines holding a secret value: `aws_secret_access_key = …` and any continuation lines indented under it. */
function secretLineFlags(lines: string[]): boolean[] {
  const flags: boolean[] = [];
  let secretIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (secretIndent >= 0 && line.trim() !== '' && indent > secretIndent) {
      flags.push(true);
      continue;
    }
    const key = /^\s*([^=:[#;\s][^=:]*?)\s*[=:]/.exec(line)?.[1]?.toLowerCase();
    const secret = key !== undefined && SECRET_KEYS.has(key);
    secretIndent = secret ? indent : -1;
    flags.push(secret);
  }
  return flags;
}

function maskValue(line: string): string {
  const separator = /[=:]/.exec(line);
  if (!separator) return MASK;
  const value = line.slice(separator.index + 1);
  return value.trim() === '' ? line : `${line.slice(0, separator.index + 1)} ${MASK}`;
}

/** Myers' shortest edit script, as context/removed/added operations in file order. */
function myers(a: string[], b: string[]): Operation[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // Walk back from the end through the saved frontiers.
  const operations: Operation[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0; d -= 1) {
    const frontier = trace[d] as Int32Array;
    const k = x - y;
    const previousK =
      k === -d || (k !== d && (frontier[offset + k - 1] as number) < (frontier[offset + k + 1] as number))
        ? k + 1
        : k - 1;
    const previousX = d === 0 ? 0 : (frontier[offset + previousK] as number);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      operations.push({ kind: 'context', oldIndex: x, newIndex: y });
    }
    if (d > 0) {
      if (x === previousX) operations.push({ kind: 'added', newIndex: (y -= 1) });
      else operations.push({ kind: 'removed', oldIndex: (x -= 1) });
    }
  }
  return operations.reverse();
}
