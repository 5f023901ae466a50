import { describe, expect, it } from 'vitest';
import { checkKeyFormat, readAccessKeyCsv } from './access-key-csv';

const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('access-key CSV import', () => {
  it('reads the current IAM console download, with a byte-order mark and CRLF', () => {
    expect(readAccessKeyCsv(`\uFEFFAccess key ID,Secret access key\r\n${ID},${SECRET}\r\n`)).toEqual({
      ok: true,
      keys: { accessKeyId: ID, secretAccessKey: SECRET },
    });
  });

  it('reads the older five-column download and keeps the user name', () => {
    const csv = `User name,Password,Access key ID,Secret access key,Console login link\nMyRepositoryUser,,${ID},${SECRET},https://111111111111.signin.aws.amazon.com/console\n`;
    expect(readAccessKeyCsv(csv)).toEqual({
      ok: true,
      keys: { accessKeyId: ID, secretAccessKey: SECRET },
      userName: 'MyRepositoryUser',
    });
  });

  it('accepts quoted fields, a missing final newline and blank trailing lines', () => {
    expect(readAccessKeyCsv(`"Access key ID","Secret access key"\n"${ID}","${SECRET}"`)).toMatchObject({
      ok: true,
      keys: { accessKeyId: ID },
    });
    expect(readAccessKeyCsv(`Access key ID,Secret access key\n${ID},${SECRET}\n\n\n`)).toMatchObject({ ok: true });
  });

  it('explains a file that is not an access-key CSV', () => {
    expect(readAccessKeyCsv('')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(readAccessKeyCsv('Name,Email\nx,y')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"Access key ID"'),
    });
    expect(readAccessKeyCsv('Access key ID,Secret access key\n')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no keys'),
    });
  });

  it('refuses a file with several users, naming them but not their keys', () => {
    const csv = `User name,Password,Access key ID,Secret access key,Console login link\nalice,,${ID},${SECRET},x\nbob,,${ID},${SECRET},x\n`;
    const result = readAccessKeyCsv(csv);
    expect(result).toEqual({
      ok: false,
      message: 'The file holds 2 key pairs (alice, bob): download the keys of your own user only.',
    });
  });

  it('reports malformed keys in the file without quoting the secret', () => {
    const shortSecret = SECRET.slice(0, 39);
    const result = readAccessKeyCsv(`Access key ID,Secret access key\n${ID},${shortSecret}\n`);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('39 characters') });
    expect(JSON.stringify(result)).not.toContain(shortSecret);
  });
});

describe('key format checks', () => {
  it('accepts AKIA plus 16 capitals or digits and a 40-character secret, trimming pasted whitespace', () => {
    expect(checkKeyFormat(` ${ID}\n`, `${SECRET} `)).toEqual({
      ok: true,
      keys: { accessKeyId: ID, secretAccessKey: SECRET },
    });
  });

  it('rejects temporary ASIA keys with a reason, and malformed IDs', () => {
    expect(checkKeyFormat('ASIAIOSFODNN7EXAMPLE', SECRET)).toMatchObject({
      ok: false,
      message: expect.stringContaining('temporary'),
    });
    expect(checkKeyFormat('AKIAiosfodnn7example', SECRET)).toMatchObject({
      ok: false,
      message: expect.stringContaining('16 capital letters'),
    });
    expect(checkKeyFormat('AKIAIOSFODNN7EXAMPL', SECRET)).toMatchObject({ ok: false });
  });

  it('rejects a secret of the wrong length or alphabet', () => {
    expect(checkKeyFormat(ID, `${SECRET}x`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('41 characters'),
    });
    expect(checkKeyFormat(ID, `${SECRET.slice(0, 39)}-`)).toMatchObject({ ok: false });
  });
});
