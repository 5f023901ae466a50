// Writes must go to the file a symlink points at (the link itself stays a link), through chains of links,
// and to the would-be target of a dangling link (as `aws configure set`'s open(O_CREAT) does).
import { lstat, readlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const MAX_LINK_HOPS = 40; // Linux's own limit (ELOOP)

export class SymlinkLoopError extends Error {}

export async function resolveSymlinkTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop += 1) {
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new SymlinkLoopError(`more than ${MAX_LINK_HOPS} symbolic links in a row (a loop?)`);
}
