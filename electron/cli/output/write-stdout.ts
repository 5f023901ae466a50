// The answer of a command other programs run constantly (git's credential helper, credential_process), written to
// fd 1 directly: process.stdout's stream (a socket, for a parent's pipe) loads node:net and the stream classes,
// which cost more than the rest of the answer.
import { writeSync } from 'node:fs';

export function writeStdout(text: string): void {
  try {
    writeSync(1, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    process.stdout.write(text); // a non-blocking pipe that is full: the stream waits for it
  }
}
