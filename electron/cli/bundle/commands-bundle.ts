// How the built CLI's entry opens its doors: everything but its hot lines (git's credential helper and
// credential_process with a valid session) is one CommonJS file, dist/cli/commands.cjs (scripts/build-node.mjs).
import { runCached } from './cached-script';

/** What commands.cjs exports: each door evaluates its modules (and what they import) when first opened. */
interface CommandsBundle {
  doors: Record<string, () => unknown>;
}

let commands: CommandsBundle | undefined;

/** The door's module namespace, from dist/cli/commands.cjs beside the entry, loaded once per process. */
export function openDoor(file: string, name: string): unknown {
  commands ??= runCached<CommandsBundle>(file);
  const door = commands.doors[name];
  if (door === undefined) throw new Error(`${file} has no module "${name}": rebuild it with npm run build:node`);
  return door();
}
