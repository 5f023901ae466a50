// Tells the app when the config or credentials file changed, without polling. We watch folders, not files:
// editors and we ourselves replace files by rename (a watch on the old inode would go deaf), and a folder
// watch also sees a file that does not exist yet. Symlinked files are followed to every folder on the chain.
import type { FSWatcher } from 'node:fs';
import { lstatSync, readlinkSync, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { FileRole } from './file-problem';
import type { AwsFileLocations } from './locations';

export interface WatchAwsFilesOptions {
  /** Quiet time after the last change before reporting (several quick writes give one report). */
  debounceMs?: number;
}

const MAX_LINK_HOPS = 40;

/** A name in a folder whose changes concern a file role: the file, a link on its way, or a missing folder. */
interface Interest {
  folder: string;
  name: string;
  role: FileRole;
}

export function watchAwsFiles(
  locations: AwsFileLocations,
  onChange: (changed: FileRole[]) => void,
  options: WatchAwsFilesOptions = {},
): { close(): void } {
  const debounceMs = options.debounceMs ?? 200;
  const files: { role: FileRole; path: string }[] = [
    { role: 'config', path: locations.config },
    { role: 'credentials', path: locations.credentials },
  ];
  const watchers = new Map<string, FSWatcher>();
  let interests: Interest[] = [];
  const pending = new Set<FileRole>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const report = (roles: Iterable<FileRole>) => {
    for (const role of roles) pending.add(role);
    if (pending.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = files.map((file) => file.role).filter((role) => pending.has(role));
      pending.clear();
      if (!closed) onChange(changed);
    }, debounceMs);
  };

  const onEvent = (folder: string, name: string | null) => {
    const concerned = interests.filter(
      (interest) => interest.folder === folder && (name === null || interest.name === name),
    );
    if (concerned.length === 0) return;
    // A link retargeted or a missing folder created changes what we must watch.
    arm();
    report(concerned.map((interest) => interest.role));
  };

  const arm = () => {
    if (closed) return;
    interests = files.flatMap((file) => interestsFor(file.path, file.role));
    const folders = new Set(interests.map((interest) => interest.folder));
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, (_event, name) => onEvent(folder, name === null ? null : name.toString()));
      } catch {
        continue; // vanished between our look and the watch; the parent's watch re-arms us
      }
      watcher.on('error', () => {
        // The folder itself was removed: fall back to watching its nearest existing parent. The roles are
        // taken before re-arming, which replaces `interests` with ones that no longer name this folder.
        const roles = interests.filter((interest) => interest.folder === folder).map((interest) => interest.role);
        watcher.close();
        watchers.delete(folder);
        arm();
        report(roles);
      });
      watchers.set(folder, watcher);
    }
  };

  arm();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** The folder entries to watch for one file: itself and every link on its way, or the first missing folder. */
function interestsFor(path: string, role: FileRole): Interest[] {
  const found: Interest[] = [];
  let current = resolve(path);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop += 1) {
    found.push(nearestExisting(current, role));
    let target: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) break;
      target = readlinkSync(current);
    } catch {
      break;
    }
    current = resolve(dirname(current), target);
  }
  return found;
}

function nearestExisting(path: string, role: FileRole): Interest {
  let name = basename(path);
  let folder = dirname(path);
  while (!isFolder(folder) && dirname(folder) !== folder) {
    name = basename(folder);
    folder = dirname(folder);
  }
  return { folder, name, role };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
