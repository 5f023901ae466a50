// What a CLI code cache file says of itself: its JSON first line (electron/cli/bundle/cached-script.ts writes it).
import { readFile } from 'node:fs/promises';

/** The runs a cache file holds: each command word, with the bytecode bytes its largest run had compiled. */
export async function cachedRuns(file: string): Promise<Record<string, number>> {
  const bytes = await readFile(file);
  return (JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as { runs: Record<string, number> }).runs;
}
