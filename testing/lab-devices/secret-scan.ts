// Test support: every file under some folders, searched for a TOTP secret in the forms it could leak in.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBase32Secret, normalizeBase32Secret } from '../../electron/core/totp';

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(folder, entry.name)) : entry.isFile() ? [join(folder, entry.name)] : [],
    ),
  );
  return nested.flat();
}

/** The secret as Base32 (any case), its raw bytes as hex and base64, and its Base32 text as base64. */
export function secretForms(base32Secret: string): string[] {
  const canonical = normalizeBase32Secret(base32Secret);
  const raw = Buffer.from(decodeBase32Secret(canonical));
  return [
    canonical,
    canonical.toLowerCase(),
    raw.toString('hex'),
    raw.toString('base64'),
    Buffer.from(canonical).toString('base64'),
  ];
}

/** Files (with the form found) that hold the secret in plain text; also reports how many files were read. */
export async function scanForSecret(
  folders: string[],
  base32Secret: string,
): Promise<{ scanned: number; leaks: string[] }> {
  const forms = secretForms(base32Secret);
  const files = (await Promise.all(folders.map(filesUnder))).flat();
  const leaks: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    const text = bytes.toString('latin1');
    for (const form of forms) if (text.includes(form)) leaks.push(`${file}: ${form.slice(0, 4)}…`);
    if (bytes.includes(Buffer.from(decodeBase32Secret(base32Secret)))) leaks.push(`${file}: raw bytes`);
  }
  return { scanned: files.length, leaks };
}
