// How the built CLI's entry opens its doors: everything but its hot lines (git's credential helper and
// credential_process with a valid session) is one CommonJS file, dist/cli/commands.cjs (scripts/build-node.mjs).
import { createRequire } from 'node:module';
import type * as V8 from 'node:v8';
import { runCached } from './cached-script';

/** What commands.cjs exports: each door evaluates its modules (and what they import) when first opened. */
interface CommandsBundle {
  doors: Record<string, () => unknown>;
}

let commands: CommandsBundle | undefined;

/** The door's module namespace, from dist/cli/commands.cjs beside the entry, loaded once per process. */
export function openDoor(file: string, name: string): unknown {
  commands ??= runCached<CommandsBundle>(file, { compiled: compiledBytes, perCommand: true });
  const door = commands.doors[name];
  if (door === undefined) throw new Error(`${file} has no module "${name}": rebuild it with npm run build:node`);
  return door();
}

/**
 * The heap's bytecode, asked for at exit: one command word takes paths of very different sizes (`renew --help`, a
 * still-valid session, a renewal), and a cache made by a short one would leave the others compiling from source.
 * node:v8 loads the stream classes (3 ms), which a command opening this file has loaded already; the hot lines, which
 * do not, keep to one path each and the word rule alone.
 */
function compiledBytes(): number {
  const v8 = createRequire(__filename)('node:v8') as typeof V8;
  return v8.getHeapCodeStatistics().bytecode_and_metadata_size;
}
