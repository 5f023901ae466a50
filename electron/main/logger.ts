// The app's log: JSON lines in the app's data folder, rotated by size (main.log → main.1.log → ...), every
// message and field redacted before it is written. Synchronous appends keep ordering simple; the app logs
// a few lines per user action, never in a loop.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../core/time/clock';
import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  folder: string;
  clock?: Clock;
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  /** Also echo to this sink (development); gets the same redacted line. */
  echo?: (line: string) => void;
}

const LOG_FILE = 'main.log';

export function createFileLogger(options: FileLoggerOptions): Logger & { readonly path: string } {
  const clock = options.clock ?? systemClock;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const path = join(options.folder, LOG_FILE);
  mkdirSync(options.folder, { recursive: true, mode: 0o700 });

  function rotatedPath(index: number): string {
    return join(options.folder, `main.${index}.log`);
  }

  function rotateIfNeeded(incoming: number): void {
    const size = existsSync(path) ? statSync(path).size : 0;
    if (size === 0 || size + incoming <= maxBytes) return;
    rmSync(rotatedPath(keep), { force: true });
    for (let index = keep - 1; index >= 1; index--)
      if (existsSync(rotatedPath(index))) renameSync(rotatedPath(index), rotatedPath(index + 1));
    renameSync(path, rotatedPath(1));
  }

  function write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    const entry = {
      time: new Date(clock.now()).toISOString(),
      level,
      message: redactText(message),
      ...(fields && { fields: redactValue(fields) }),
    };
    const line = `${JSON.stringify(entry)}\n`;
    try {
      rotateIfNeeded(Buffer.byteLength(line));
      appendFileSync(path, line, { mode: 0o600 });
    } catch {
      // A full disk or a vanished folder must not take the app down; the echo below still shows the line.
    }
    options.echo?.(line.trimEnd());
  }

  return {
    path,
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
