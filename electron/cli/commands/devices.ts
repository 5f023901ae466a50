// `mfa-tray devices`: the built-in lab devices (TEST AND LAB ACCOUNTS ONLY). Everything goes through the running
// app's local socket: the app holds the sealed secrets, and the CLI never reads or prints one. A secret to import
// comes from a file or stdin, never from an argument (which would land in shell history and `ps`).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveStateDir } from '../../core/app-state';
import {
  AppNotRunningError,
  requestLabSocket,
  type LabSocketRequest,
  type LabSocketResponse,
} from '../../core/lab-devices';
import { CodeEntryCancelled, type CodeSource } from '../../core/renewal';
import { processIo, type CliIo } from '../output/cli-io';
import { errorMessage } from '../../shared/error-message';

export const DEVICES_EXIT = { ok: 0, refused: 1, usage: 2, appNotRunning: 3 } as const;

const DEVICES_EXIT_HELP = `
Lab accounts only: a device whose secret MFA Tray holds is not a separate second factor.

Exit codes:
  0   done
  1   MFA Tray refused (unknown device, weak or missing secret store, bad secret)
  2   usage error
  3   the MFA Tray app is not running (it holds the secrets; start it)`;

type Send = (request: LabSocketRequest) => Promise<LabSocketResponse>;

function socketSender(io: CliIo): Send {
  return (request) => requestLabSocket(resolveStateDir(io.env), request);
}

async function call(send: Send, request: LabSocketRequest, io: CliIo): Promise<LabSocketResponse | number> {
  try {
    return await send(request);
  } catch (error) {
    io.stderr(`${errorMessage(error)}\n`);
    return error instanceof AppNotRunningError ? DEVICES_EXIT.appNotRunning : DEVICES_EXIT.refused;
  }
}

function finish(response: LabSocketResponse, io: CliIo, print: () => string): number {
  if (!response.ok) {
    io.stderr(`${response.message}\n`);
    return DEVICES_EXIT.refused;
  }
  io.stdout(print());
  return DEVICES_EXIT.ok;
}

export async function runDevicesList(
  options: { json?: boolean },
  io: CliIo,
  send: Send = socketSender(io),
): Promise<number> {
  const response = await call(send, { op: 'list' }, io);
  if (typeof response === 'number') return response;
  return finish(response, io, () => {
    const devices = response.devices ?? [];
    if (options.json) return `${JSON.stringify({ store: response.store, devices }, null, 2)}\n`;
    const lines = devices.map(
      (device) =>
        `${device.serial}  [lab only] ${device.state}  ${device.label}${device.sessions.length ? `  sessions: ${device.sessions.join(', ')}` : ''}\n    ${device.note}\n`,
    );
    return `${response.message}\n${devices.length ? lines.join('') : 'No lab devices.\n'}`;
  });
}

export async function runDevicesCode(serial: string, io: CliIo, send: Send = socketSender(io)): Promise<number> {
  const response = await call(send, { op: 'code', serial }, io);
  if (typeof response === 'number') return response;
  if (!response.ok || !response.currentCode) {
    io.stderr(`${response.message}\n`);
    return DEVICES_EXIT.refused;
  }
  // The code alone on stdout, for scripts; the reminder on stderr.
  io.stdout(`${response.currentCode}\n`);
  io.stderr(`(lab device; valid for ${response.secondsLeft ?? 0} more seconds)\n`);
  return DEVICES_EXIT.ok;
}

export async function runDevicesRemove(serial: string, io: CliIo, send: Send = socketSender(io)): Promise<number> {
  const response = await call(send, { op: 'remove', serial }, io);
  if (typeof response === 'number') return response;
  return finish(response, io, () => `${response.message}\n`);
}

export interface ImportOptions {
  qr?: string;
  fromFile?: string;
  label?: string;
  acceptWeakStore?: boolean;
}

/** The secret as the app expects it: an otpauth URI or a Base32 seed (first line of a file or stdin), or a QR PNG. */
async function secretInput(
  options: ImportOptions,
  readStdin: () => Promise<string>,
): Promise<Extract<LabSocketRequest, { op: 'import' }>['input']> {
  if (options.qr) return { format: 'qr-png', base64: (await readFile(options.qr)).toString('base64') };
  const text = options.fromFile ? await readFile(options.fromFile, 'utf8') : await readStdin();
  const line =
    text
      .split(/\r?\n/)
      .find((candidate) => candidate.trim() !== '')
      ?.trim() ?? '';
  return line.startsWith('otpauth:') ? { format: 'otpauth-uri', text: line } : { format: 'base32', text: line };
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function runDevicesImport(
  serial: string,
  options: ImportOptions,
  io: CliIo,
  send: Send = socketSender(io),
  readStdin: () => Promise<string> = readAllStdin,
): Promise<number> {
  let input;
  try {
    input = await secretInput(options, readStdin);
  } catch (error) {
    io.stderr(
      `Could not read the secret: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'} (${options.qr ?? options.fromFile ?? 'stdin'}).\n`,
    );
    return DEVICES_EXIT.usage;
  }
  const response = await call(
    send,
    {
      op: 'import',
      serial,
      input,
      acceptWeakStore: options.acceptWeakStore ?? false,
      ...(options.label !== undefined && { label: options.label }),
    },
    io,
  );
  if (typeof response === 'number') return response;
  return finish(response, io, () => `${response.message}\n`);
}

export function registerDevicesCommand(program: Command): void {
  const devices = program
    .command('devices')
    .description('Lab devices (TEST AND LAB ACCOUNTS ONLY): MFA devices whose secret the running MFA Tray app holds.')
    .addHelpText('after', DEVICES_EXIT_HELP);
  devices
    .command('list')
    .description('List the lab devices and the secret store that protects them.')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      process.exitCode = await runDevicesList(options, processIo);
    });
  devices
    .command('code')
    .description("Print the device's current 6-digit code (never its secret).")
    .argument('<serial>', 'the device ARN, e.g. arn:aws:iam::111111111111:mfa/LabDevice')
    .action(async (serial: string) => {
      process.exitCode = await runDevicesCode(serial, processIo);
    });
  devices
    .command('import')
    .description(
      "Hand a lab device's secret to the app, which seals it with the OS keychain. The secret is read from --qr, --from-file or stdin.",
    )
    .argument('<serial>', 'the device ARN the secret belongs to')
    .option('--qr <png>', 'the QR code image the AWS console shows, saved as PNG')
    .option('--from-file <file>', 'a file whose first line is the otpauth:// URI or the Base32 seed')
    .option('--label <text>', 'a name to show for the device')
    .option('--accept-weak-store', 'store it even where only a weak secret store exists (Linux basic_text)')
    .addHelpText(
      'after',
      '\nWithout --qr or --from-file the first line of stdin is read, piped (typed, it would show on screen): a URI or a Base32 seed.',
    )
    .action(async (serial: string, options: ImportOptions) => {
      if (!options.qr && !options.fromFile && process.stdin.isTTY) {
        // Typed at a terminal the secret would be echoed on screen (and left in the scrollback).
        process.stderr.write(
          'Typing the secret here would show it on the screen: pipe it in, or use --from-file or --qr.\n',
        );
        process.exitCode = DEVICES_EXIT.usage;
        return;
      }
      process.exitCode = await runDevicesImport(serial, options, processIo);
    });
  devices
    .command('remove')
    .description("Erase a lab device's secret from MFA Tray (the device stays in IAM).")
    .argument('<serial>', 'the device ARN')
    .action(async (serial: string) => {
      process.exitCode = await runDevicesRemove(serial, processIo);
    });
}

/** `renew --device-code`: the code comes from the running app's lab device; failures end the renewal as 'cancelled'. */
export function appDeviceCodeSource(env: NodeJS.ProcessEnv): CodeSource {
  return {
    async getCode(request) {
      let response: LabSocketResponse;
      try {
        response = await requestLabSocket(resolveStateDir(env), { op: 'code', serial: request.device });
      } catch (error) {
        throw new CodeEntryCancelled(errorMessage(error));
      }
      if (!response.ok || !response.currentCode) throw new CodeEntryCancelled(response.message);
      return response.currentCode;
    },
  };
}
