// Reading a config or credentials file the way we trust it: only regular, readable, reasonably small,
// UTF-8 text files that botocore itself would accept. Anything else is an AwsFileError, never a guess.
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeIniBytes, emptyRecord, IniParseError, MAX_INI_BYTES, rawConfigParse, type RawConfig } from '../ini';
import type { FileRole } from './file-problem';
import { AwsFileError } from './aws-file-error';

export interface AwsFileText {
  text: string;
  exists: boolean;
}

/** The file's text and botocore's raw_config_parse reading of it, from the one parse that validated it. */
export interface ParsedAwsFile extends AwsFileText {
  raw: RawConfig;
}

export interface ReadAwsFileOptions {
  /** Which of the two files this is, for the problems it reports; guessed from the file name by default. */
  role?: FileRole;
}

export async function readAwsFile(path: string, options: ReadAwsFileOptions = {}): Promise<AwsFileText> {
  const { text, exists } = await readParsedAwsFile(path, options);
  return { text, exists };
}

/** readAwsFile that also hands back the parsed sections, so that readers need not parse the text again. */
export async function readParsedAwsFile(path: string, options: ReadAwsFileOptions = {}): Promise<ParsedAwsFile> {
  const role = options.role ?? fileRoleFromName(path);
  const handle = await openRegularFile(path, role);
  // botocore treats a missing file (or a link to nothing) as an empty one.
  if (handle === undefined) return { text: '', exists: false, raw: emptyRecord() };
  try {
    const bytes = await readWholeFile(handle, path, role);
    return { ...parseAwsFileBytes(bytes, path, role), exists: true };
  } finally {
    await handle.close();
  }
}

/**
 * Opens a regular file for reading, or returns undefined when there is none. Anything else (a FIFO, socket,
 * device or folder) is refused before it is opened: opening a FIFO blocks until some other program writes
 * to it, which would hang every reader. The open itself is non-blocking too, in case the path is swapped
 * for a FIFO between our check and the open.
 */
export async function openRegularFile(path: string, role: FileRole): Promise<FileHandle | undefined> {
  try {
    checkRegular(await stat(path), path, role);
    const handle = await open(path, constants.O_RDONLY | NON_BLOCKING);
    try {
      checkRegular(await handle.stat(), path, role);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof AwsFileError) throw error;
    throw fileSystemError(path, role, error, 'read');
  }
}

/** Windows has no FIFOs at AWS file paths (named pipes live under \\.\pipe) and no O_NONBLOCK. */
const NON_BLOCKING = process.platform === 'win32' ? 0 : constants.O_NONBLOCK;

function checkRegular(stats: Stats, path: string, role: FileRole): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw AwsFileError.wholeFile(path, role, 'is a folder, not a file');
  const kind = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  throw AwsFileError.wholeFile(
    path,
    role,
    `is ${kind}, not a file: the AWS CLI ignores it (as if there were no ${role} file), and MFA Tray neither reads nor writes it. Replace it with a regular file`,
  );
}

/** Reads an open file from its start, refusing folders and files over the decoder's limit before loading them whole. */
export async function readWholeFile(handle: FileHandle, path: string, role: FileRole): Promise<Uint8Array> {
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw AwsFileError.wholeFile(path, role, 'is a folder, not a file');
    if (!stats.isFile()) throw AwsFileError.wholeFile(path, role, 'is not a regular file');
    if (stats.size > MAX_INI_BYTES) throw tooBig(path, role, stats.size);
    // Read past the size we saw: the file may be growing under us.
    const buffer = Buffer.alloc(Math.min(stats.size + 64 * 1024, MAX_INI_BYTES + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > MAX_INI_BYTES) throw tooBig(path, role, length);
        return readWholeFile(handle, path, role);
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof AwsFileError) throw error;
    throw fileSystemError(path, role, error, 'read');
  }
}

/** Decodes and validates file bytes; throws AwsFileError with botocore's reasons and lines. */
export function checkAwsFileBytes(bytes: Uint8Array, path: string, role: FileRole): string {
  return parseAwsFileBytes(bytes, path, role).text;
}

/** Decodes and parses file bytes as botocore would; throws AwsFileError with botocore's reasons and lines. */
export function parseAwsFileBytes(bytes: Uint8Array, path: string, role: FileRole): { text: string; raw: RawConfig } {
  try {
    const text = decodeIniBytes(bytes);
    return { text, raw: rawConfigParse(text) };
  } catch (error) {
    if (error instanceof IniParseError) {
      throw new AwsFileError(
        path,
        error.problems.map((problem) => ({ file: path, fileRole: role, line: problem.line, message: problem.message })),
      );
    }
    throw error;
  }
}

export function fileRoleFromName(path: string): FileRole {
  return basename(path).toLowerCase().includes('credentials') ? 'credentials' : 'config';
}

function tooBig(path: string, role: FileRole, size: number): AwsFileError {
  return AwsFileError.wholeFile(
    path,
    role,
    `is ${(size / 1024 / 1024).toFixed(1)} MB; an AWS ${role} file is never that big (limit ${MAX_INI_BYTES / 1024 / 1024} MB)`,
  );
}

const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a file stands where a folder should be in its path',
};

/** Turns an fs error into an AwsFileError naming the file; other errors pass through. */
export function fileSystemError(path: string, role: FileRole, error: unknown, action: 'read' | 'written'): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error;
  return AwsFileError.wholeFile(path, role, `cannot be ${action}: ${ERRNO_REASONS[code] ?? code}`);
}
