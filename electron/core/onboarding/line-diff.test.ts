import { describe, expect, it } from 'vitest';
import { diffIniTexts } from './line-diff';
import { MASK } from './mask-secrets';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Rebuilds the new text from the old one and the hunks: proves the diff is exact. */
function replay(oldText: string, newText: string): string[] {
  const oldLines = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const result = [...oldLines];
  const hunks = diffIniTexts(oldText, newText);
  // Apply from the bottom so earlier line numbers stay valid.
  for (const hunk of [...hunks].reverse()) {
    for (const line of [...hunk].reverse()) {
      if (line.kind === 'removed') result.splice((line.oldLine as number) - 1, 1);
    }
  }
  const added = hunks.flat().filter((line) => line.kind === 'added');
  for (const line of added) result.splice((line.newLine as number) - 1, 0, line.text);
  return result;
}

describe('ini line diff', () => {
  it('is empty for equal texts', () => {
    expect(diffIniTexts('[a]\nx = 1\n', '[a]\nx = 1\n')).toEqual([]);
  });

  it('shows a new file as added lines', () => {
    expect(diffIniTexts('', '[profile A]\nregion = eu-west-1\n')).toEqual([
      [
        { kind: 'added', newLine: 1, text: '[profile A]' },
        { kind: 'added', newLine: 2, text: 'region = eu-west-1' },
      ],
    ]);
  });

  it('shows a changed value as removed + added, with the section header and two lines of context', () => {
    const before = '[x]\na = 1\n[profile A]\nk1 = 1\nk2 = 2\nk3 = 3\nk4 = 4\nregion = us-east-1\nk5 = 5\n';
    const after = before.replace('region = us-east-1', 'region = eu-west-1');
    expect(diffIniTexts(before, after)).toEqual([
      [
        { kind: 'context', oldLine: 3, newLine: 3, text: '[profile A]' },
        { kind: 'context', oldLine: 6, newLine: 6, text: 'k3 = 3' },
        { kind: 'context', oldLine: 7, newLine: 7, text: 'k4 = 4' },
        { kind: 'removed', oldLine: 8, text: 'region = us-east-1' },
        { kind: 'added', newLine: 8, text: 'region = eu-west-1' },
        { kind: 'context', oldLine: 9, newLine: 9, text: 'k5 = 5' },
      ],
    ]);
  });

  it('masks secret values, continuation lines under them and any known secret elsewhere', () => {
    const after = `[FetchMfaCredentials]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\nAWS_Secret_Access_Key=${SECRET}\naws_session_token = abc\n  defghijk\nnote = ${SECRET}\n`;
    const text = JSON.stringify(diffIniTexts('', after, [SECRET]));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('defghijk');
    expect(diffIniTexts('', after, [SECRET])[0]?.map((line) => line.text)).toEqual([
      '[FetchMfaCredentials]',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      `AWS_Secret_Access_Key= ${MASK}`,
      `aws_session_token = ${MASK}`,
      MASK,
      `note = ${MASK}`,
    ]);
  });

  it('is exact: replaying the hunks on the old text gives the new text (randomized edits)', () => {
    let seed = 7;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let round = 0; round < 200; round += 1) {
      const oldLines = Array.from({ length: random(40) }, () => `k${random(6)} = ${random(4)}`);
      const newLines = [...oldLines];
      for (let edit = random(6); edit > 0; edit -= 1) {
        const at = random(newLines.length + 1);
        if (random(2) === 0 && newLines.length > 0) newLines.splice(Math.min(at, newLines.length - 1), 1);
        else newLines.splice(at, 0, `n${random(9)} = ${random(4)}`);
      }
      const oldText = oldLines.map((line) => `${line}\n`).join('');
      const newText = newLines.map((line) => `${line}\n`).join('');
      expect(replay(oldText, newText)).toEqual(newLines);
    }
  });
});
