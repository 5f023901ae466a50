// Hand-picked cases of botocore's reading rules (each also confirmed by the differential test).
import { describe, expect, it } from 'vitest';
import { IniParseError } from './errors';
import { rawConfigParse } from './raw-config';

function linesOfError(text: string): number[] {
  try {
    rawConfigParse(text);
  } catch (error) {
    if (error instanceof IniParseError) return error.problems.map((p) => p.line);
    throw error;
  }
  throw new Error('accepted');
}

describe('rawConfigParse reads like botocore', () => {
  it('lower-cases keys, keeps section case, trims, keeps quotes and inline-comment lookalikes in values', () => {
    expect(rawConfigParse('[Sec]\nRegion = "us-east-1" # not a comment\n')).toEqual({
      Sec: { region: '"us-east-1" # not a comment' },
    });
  });

  it('splits at the first = or : whichever comes first', () => {
    expect(rawConfigParse('[a]\nx : y = z\np = q : r\nurl=http://h:1\n')).toEqual({
      a: { x: 'y = z', p: 'q : r', url: 'http://h:1' },
    });
  });

  it('keeps spaces inside [ section ] names and ignores text after the last ]', () => {
    expect(rawConfigParse('[ spaced ]\na=1\n[x] = trailing\nb=2\n[p]q]\nc=3\n')).toEqual({
      ' spaced ': { a: '1' },
      x: { b: '2' },
      'p]q': { c: '3' },
    });
  });

  it('reads an empty value and a key with only whitespace after the separator as empty', () => {
    expect(rawConfigParse('[a]\nk =\nj = \t\n')).toEqual({ a: { k: '', j: '' } });
  });

  it('continues a value on deeper-indented lines, keeping inner blank lines, skipping comments, trimming the end', () => {
    expect(rawConfigParse('[a]\nk = one\n\n  # skipped\n\ttwo\n\n\nz = 1\n')).toEqual({
      a: { k: 'one\n\ntwo', z: '1' },
    });
  });

  it('reads an indented first key and measures continuation from the key line, tabs counting as one', () => {
    expect(rawConfigParse('[a]\n  k = 1\n  j = 2\n\t\t\tm = 3\n')).toEqual({ a: { k: '1', j: '2\nm = 3' } });
  });

  it('makes a sub-section of an empty value followed by indented k = v lines (nested keys keep their case)', () => {
    expect(rawConfigParse('[default]\ns3 =\n  Max_Concurrent = 10\n\n  addressing_style=path\n')).toEqual({
      default: { s3: { Max_Concurrent: '10', addressing_style: 'path' } },
    });
  });

  it('rejects a sub-section line without = (even with :)', () => {
    expect(() => rawConfigParse('[default]\ns3 =\n  a : b\n')).toThrow(/sub-section "s3".*has no '='/);
  });

  it('leaks [DEFAULT] keys into every section, the section winning, and repeats [DEFAULT] freely', () => {
    expect(rawConfigParse('[DEFAULT]\nx = d\n[a]\nx = 1\n[b]\n[DEFAULT]\ny = e\n')).toEqual({
      a: { x: '1', y: 'e' },
      b: { x: 'd', y: 'e' },
    });
    expect(rawConfigParse('[Default]\nx = 1\n')).toEqual({ Default: { x: '1' } });
  });

  it('treats an indented [header] after a key as part of its value', () => {
    expect(rawConfigParse('[a]\nk = v\n  [b]\n')).toEqual({ a: { k: 'v\n[b]' } });
  });

  it('treats lone \\r, \\r\\n and \\n as line ends and Python whitespace (\\x85, \\u3000) as blank', () => {
    expect(rawConfigParse('[a]\rx = 1\r\ny = 2\n\u0085\n\u3000\n')).toEqual({ a: { x: '1', y: '2' } });
  });

  it('rejects text before the first section, duplicate sections and duplicate keys (after lower-casing)', () => {
    expect(linesOfError('# ok\n\nregion = x\n[a]\n')).toEqual([3]);
    expect(linesOfError('[a]\n[b]\n[a]\n')).toEqual([3]);
    expect(linesOfError('[a]\nRegion = 1\nregion = 2\n')).toEqual([3]);
    expect(linesOfError('[DEFAULT]\nx=1\n[DEFAULT]\nX=2\n')).toEqual([4]);
  });

  it('rejects every line with no separator and every empty key, reporting all of them', () => {
    expect(linesOfError('[a]\nfoo\nx = 1\n= 2\n[]\n')).toEqual([2, 4, 5]);
  });

  it('never quotes a rejected line in its problem: a line pasted into a credentials file may be a secret', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const pastedUnderKey = `[a]\naws_secret_access_key =\n    ${secret}\n`; // indented: a sub-section line without '='
    for (const text of [`${secret}\n[a]\n`, `[a]\n${secret}\n`, `[a]\n= ${secret}\n`, pastedUnderKey]) {
      try {
        rawConfigParse(text);
        expect.unreachable('the file is invalid');
      } catch (error) {
        expect((error as IniParseError).problems.length).toBeGreaterThan(0);
        expect(JSON.stringify((error as IniParseError).problems)).not.toContain('wJalr');
        expect((error as Error).message).not.toContain('wJalr');
      }
    }
  });

  it('rejects a UTF-8 byte order mark in front of the first header, as botocore does', () => {
    expect(linesOfError('\ufeff[default]\nregion = x\n')).toEqual([1]);
  });

  it('keeps keys like __proto__ and constructor as plain data', () => {
    const parsed = rawConfigParse('[__proto__]\n__proto__ = 1\nconstructor = 2\n');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(Object.entries(parsed.__proto__ ?? {})).toEqual([
      ['__proto__', '1'],
      ['constructor', '2'],
    ]);
  });
});
