// Problems found in the AWS files, as one line each: `file:line: message` (line left out for the whole file).
import type { FileProblem } from '../../core/aws-files';
import { printable } from './text-table';

export function formatProblems(problems: readonly FileProblem[]): string {
  if (problems.length === 0) return '';
  const lines = problems.map((p) => `  ${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${printable(p.message)}\n`);
  return `Problems:\n${lines.join('')}`;
}
