// Where the CLI gets an MFA code: --code, a line of stdin when it is not a terminal, or a prompt that names
// the device (on the terminal itself, /dev/tty, when stdout must stay clean for credential_process).
import { openSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { ReadStream, WriteStream } from 'node:tty';
import { CodeEntryCancelled, type CodeRequest, type CodeSource } from '../../core/renewal';
import { codeProblem, withoutSeparators } from '../../shared/mfa-code';

/** `--code 123456` (or `--code "123 456"`): the separators people paste are dropped, nothing else. */
export function fixedCode(code: string): CodeSource {
  return { getCode: async () => dropSeparators(code) };
}

/** Drops separators from a code-shaped line; anything else is left for renewal to refuse as it is. */
function dropSeparators(line: string): string {
  return codeProblem(line) === undefined ? withoutSeparators(line).digits : line;
}

/** First line of a piped stdin (`echo 123456 | mfa-tray renew X`). */
export function stdinCode(stdin: NodeJS.ReadableStream = process.stdin): CodeSource {
  return {
    async getCode() {
      const lines = createInterface({ input: stdin, terminal: false });
      try {
        for await (const line of lines) return dropSeparators(line);
        throw new CodeEntryCancelled('No MFA code on standard input.');
      } finally {
        lines.close();
      }
    },
  };
}

function promptText(request: CodeRequest): string {
  return `MFA code for ${request.device} (renewing ${request.target} with ${request.source}'s keys): `;
}

/**
 * Asks until a line is a code: separators people paste are dropped ("123 456"), and a typo (wrong length, a
 * letter) asks again with the reason instead of ending the command. Ctrl-C/Ctrl-D cancel.
 */
async function ask(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, request: CodeRequest): Promise<string> {
  const rl = createInterface({ input, output, terminal: true });
  let answered = false;
  const closed = new Promise<never>((_, reject) =>
    rl.once('close', () => {
      // Ctrl-D/Ctrl-C leave the cursor after the prompt: end that line so the reason starts on its own.
      if (!answered) output.write('\n');
      reject(new CodeEntryCancelled('Code entry was cancelled.'));
    }),
  );
  try {
    let prompt = promptText(request);
    for (;;) {
      const line = await Promise.race([rl.question(prompt), closed]);
      const problem = codeProblem(line);
      if (problem === undefined) {
        answered = true;
        return withoutSeparators(line).digits;
      }
      prompt = `${problem} Code (Ctrl-C to cancel): `;
    }
  } finally {
    rl.close();
  }
}

/** A prompt on stdin/stderr (stderr keeps stdout for results). */
export function promptCode(): CodeSource {
  return { getCode: (request) => ask(process.stdin, process.stderr, request) };
}

/** The controlling terminal, or undefined when there is none (GUI git, CI, cron). */
export function openTerminal(): { input: ReadStream; output: WriteStream; close(): void } | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return undefined;
  }
  const input = new ReadStream(fd);
  const output = new WriteStream(fd);
  return {
    input,
    output,
    close: () => {
      input.destroy();
      output.destroy();
    },
  };
}

export function terminalCode(terminal: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): CodeSource {
  return { getCode: (request) => ask(terminal.input, terminal.output, request) };
}
