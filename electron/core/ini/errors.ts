export interface IniProblem {
  /** 1-based line number in the text as botocore counts lines (\r\n, \r and \n each end a line). */
  line: number;
  message: string;
}

/** The text is not something botocore accepts (or not text at all); `problems` says where and why. */
export class IniParseError extends Error {
  readonly problems: IniProblem[];

  constructor(problems: IniProblem[]) {
    super(
      problems.length === 0
        ? 'the file cannot be read as an AWS ini file'
        : problems.map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message)).join('; '),
    );
    this.name = 'IniParseError';
    this.problems = problems;
  }
}

/** An edit that cannot be written so that botocore and the JS SDK both read exactly what was asked. */
export class IniEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IniEditError';
  }
}
