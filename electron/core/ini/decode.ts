// Bytes from disk to text, refusing what botocore (or a sane reader) cannot use, with a clear reason.
import { IniParseError } from './errors';

/**
 * Real AWS config files are a few KB; 10,000 profiles come to about 1 MB. Past 10 MB a file is almost certainly
 * not an AWS ini file (a mistaken path, a log, a dump), and reading it would only slow the app down.
 */
export const MAX_INI_BYTES = 10 * 1024 * 1024;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeIniBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_INI_BYTES) {
    throw new IniParseError([
      {
        line: 0,
        message: `file is ${bytes.length} bytes; AWS ini files are far smaller, so it is not read (limit ${MAX_INI_BYTES} bytes)`,
      },
    ]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = 1 + countLineBreaks(bytes.subarray(0, nul));
    throw new IniParseError([
      { line, message: `file contains a NUL byte (at byte ${nul}): it looks binary, not an ini text file` },
    ]);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // Python opens the file as plain UTF-8, so the BOM stays in front of the first line and botocore
    // reports it as text before the first [section] header: the AWS CLI cannot read such a file.
    throw new IniParseError([
      {
        line: 1,
        message:
          'file starts with a UTF-8 byte order mark (BOM), which the AWS CLI cannot read; save it as UTF-8 without BOM',
      },
    ]);
  }
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new IniParseError([
      {
        line: 1 + countLineBreaks(bytes.subarray(0, at)),
        message: `file is not valid UTF-8 (first bad byte at offset ${at}); the AWS CLI cannot read it`,
      },
    ]);
  }
}

/** Line breaks as Python counts them: \r\n, \r and \n. */
function countLineBreaks(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) lines++;
    else if (bytes[i] === 0x0d) {
      lines++;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  return lines;
}

/** Offset of the byte at which UTF-8 decoding first fails (decoding prefixes fails from there on). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (decodesCleanly(bytes.subarray(0, mid + 1))) low = mid + 1;
    else high = mid;
  }
  return low;
}

function decodesCleanly(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
