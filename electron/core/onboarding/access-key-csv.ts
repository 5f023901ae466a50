// Reads the access-key CSV the IAM console downloads: `Access key ID,Secret access key` (today), or
// `User name,Password,Access key ID,Secret access key,Console login link` (older downloads and user creation).
// Error messages describe the file, never quote it: the file holds a secret.
import { AccessKeyIdSchema, SecretAccessKeySchema } from '../../shared/vocabulary';

export interface LongTermKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

export type KeyCheck = { ok: true; keys: LongTermKeys } | { ok: false; message: string };

export type CsvKeys = { ok: true; keys: LongTermKeys; userName?: string } | { ok: false; message: string };

const ACCESS_KEY_HEADER = 'access key id';
const SECRET_HEADER = 'secret access key';
const USER_HEADER = 'user name';

export function readAccessKeyCsv(text: string): CsvKeys {
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell.trim() !== ''));
  const header = rows[0]?.map((cell) => cell.trim().toLowerCase());
  if (!header) return { ok: false, message: 'The file is empty.' };
  const keyColumn = header.indexOf(ACCESS_KEY_HEADER);
  const secretColumn = header.indexOf(SECRET_HEADER);
  if (keyColumn < 0 || secretColumn < 0) {
    return {
      ok: false,
      message:
        'This is not an access-key file from the IAM console: its first line should name the columns "Access key ID" and "Secret access key".',
    };
  }
  const records = rows.slice(1);
  if (records.length === 0) return { ok: false, message: 'The file has the column names but no keys.' };
  if (records.length > 1) {
    const userColumn = header.indexOf(USER_HEADER);
    const users = userColumn >= 0 ? ` (${records.map((row) => row[userColumn]?.trim() || '?').join(', ')})` : '';
    return {
      ok: false,
      message: `The file holds ${records.length} key pairs${users}: download the keys of your own user only.`,
    };
  }
  const record = records[0] ?? [];
  const userColumn = header.indexOf(USER_HEADER);
  const userName = userColumn >= 0 ? record[userColumn]?.trim() || undefined : undefined;
  const checked = checkKeyFormat(record[keyColumn] ?? '', record[secretColumn] ?? '');
  if (!checked.ok) return { ok: false, message: `In this file: ${checked.message}` };
  return { ok: true, keys: checked.keys, ...(userName ? { userName } : {}) };
}

/** The same format rules the renderer shows as you type, applied again in main. */
export function checkKeyFormat(accessKeyId: string, secretAccessKey: string): KeyCheck {
  const id = AccessKeyIdSchema.safeParse(accessKeyId);
  if (!id.success) return { ok: false, message: `${id.error.issues[0]?.message ?? 'The access key ID is malformed'}.` };
  const secret = SecretAccessKeySchema.safeParse(secretAccessKey);
  if (!secret.success) {
    const length = secretAccessKey.trim().length;
    return {
      ok: false,
      message: `The secret access key has ${length} character${length === 1 ? '' : 's'} or characters outside letters, digits, / and +; it should be exactly 40.`,
    };
  }
  return { ok: true, keys: { accessKeyId: id.data, secretAccessKey: secret.data } };
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
