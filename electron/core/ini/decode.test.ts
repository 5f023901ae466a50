import { describe, expect, it } from 'vitest';
import { decodeIniBytes, MAX_INI_BYTES } from './decode';
import { IniParseError } from './errors';

function problemOf(bytes: Uint8Array): { line: number; message: string } {
  try {
    decodeIniBytes(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(IniParseError);
    const problem = (error as IniParseError).problems[0];
    if (problem === undefined) throw new Error('IniParseError without a problem', { cause: error });
    return problem;
  }
  throw new Error('decodeIniBytes accepted the bytes');
}

describe('decodeIniBytes', () => {
  it('decodes UTF-8 text unchanged, CRLF and a missing final newline included', () => {
    const text = '[default]\r\nregion = eu-west-1\r\nname = Ünïcode ✓';
    expect(decodeIniBytes(new TextEncoder().encode(text))).toBe(text);
  });

  it('rejects binary content (a NUL byte) naming its line', () => {
    const problem = problemOf(new Uint8Array([...new TextEncoder().encode('[a]\nx = 1\r\ny'), 0, 1, 2]));
    expect(problem.line).toBe(3);
    expect(problem.message).toMatch(/NUL byte.*binary/);
  });

  it('rejects invalid UTF-8 (which botocore also rejects) naming the line of the bad byte', () => {
    const problem = problemOf(new Uint8Array([...new TextEncoder().encode('[a]\nx = '), 0xff, 0x0a]));
    expect(problem.line).toBe(2);
    expect(problem.message).toMatch(/not valid UTF-8.*offset 8/);
  });

  it('rejects a UTF-8 byte order mark, which makes botocore fail on line 1', () => {
    const problem = problemOf(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[default]\nregion = x\n')]),
    );
    expect(problem.line).toBe(1);
    expect(problem.message).toMatch(/byte order mark/);
  });

  it('refuses a 50 MB file at once instead of reading it', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    const problem = problemOf(huge);
    expect(problem.message).toContain(String(MAX_INI_BYTES));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts a file of exactly the size limit', () => {
    const bytes = new Uint8Array(MAX_INI_BYTES).fill(0x0a);
    expect(decodeIniBytes(bytes)).toHaveLength(MAX_INI_BYTES);
  });
});
