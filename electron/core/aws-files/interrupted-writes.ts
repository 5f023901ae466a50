// Every model load and write starts by finishing what killed MFA Tray processes left (pending-pair.ts). Almost
// always nothing is left: this looks for their traces with a listing of each folder, and loads the repair (locks,
// journals, hashing) only when there are some, so that git's credential helper reads the files and nothing more.
import { readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { AwsFileLocations } from './locations';
import { resolveSymlinkTarget } from './symlink-target';
import { BACKUP_SUFFIX, inPlaceFolder, JOURNAL_SUFFIX, OUR_INFIX, PENDING_MARKER } from './trace-names';

/** Finishes torn in-place writes, half-written pairs, lock folders and temp files of killed writers; never throws. */
export async function completeInterruptedWrites(locations: AwsFileLocations): Promise<void> {
  if (!(await hasInterruptedWriteTraces(locations))) return;
  const { repairInterruptedWrites } = await import('./pending-pair');
  await repairInterruptedWrites(locations);
}

/** Whether any name the repair acts on is there: everything of ours but the backup, and in-place journals and records. */
async function hasInterruptedWriteTraces(locations: AwsFileLocations): Promise<boolean> {
  let targets: string[];
  try {
    targets = [await resolveSymlinkTarget(locations.config), await resolveSymlinkTarget(locations.credentials)];
  } catch {
    return false; // the repair cannot resolve them either
  }
  if (locations.stateDir !== undefined) {
    const names = await namesIn(inPlaceFolder(locations.stateDir));
    if (names.some((name) => name.endsWith(JOURNAL_SUFFIX) || name.includes(PENDING_MARKER))) return true;
  }
  for (const folder of new Set(targets.map((target) => dirname(target)))) {
    const names = await namesIn(folder);
    for (const base of targets.filter((target) => dirname(target) === folder).map((target) => basename(target))) {
      if (names.some((name) => name.startsWith(`${base}${OUR_INFIX}`) && name !== `${base}${BACKUP_SUFFIX}`))
        return true;
    }
  }
  return false;
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch {
    return [];
  }
}
