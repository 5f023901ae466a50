// The one error for files we will not read or write, naming the file and every problem (line 0 = whole file).
import type { FileProblem, FileRole } from './file-problem';

export class AwsFileError extends Error {
  readonly file: string;
  readonly problems: FileProblem[];

  constructor(file: string, problems: FileProblem[]) {
    const detail = problems
      .map((problem) => (problem.line > 0 ? `line ${problem.line}: ${problem.message}` : problem.message))
      .join('; ');
    super(`${file}: ${detail}`);
    this.name = 'AwsFileError';
    this.file = file;
    this.problems = problems;
  }

  /** A problem with the whole file (unreadable, too big, a folder, keeps changing...). */
  static wholeFile(file: string, fileRole: FileRole, message: string): AwsFileError {
    return new AwsFileError(file, [{ file, fileRole, line: 0, message }]);
  }
}
