// Writing one profile's settings across the two files the way `aws configure set` splits them, as one
// change: both edits are checked on the current files before either is written, and if the second write
// fails the first is undone, so a profile is never left half-renewed (new keys with an old expiration).
import type { IniEdit } from '../ini';
import { applyEdits, configSectionName, IniEditError, IniParseError, loadConfigFromRaw, rawConfigParse } from '../ini';
import type { FileRole } from './file-problem';
import { AwsFileError } from './aws-file-error';
import { backupPathFor } from './backup';
import type { AwsFileLocations } from './locations';
import { completeInterruptedWrites } from './interrupted-writes';
import { recordPendingPair } from './pending-pair';
import { readAwsFile } from './read-aws-file';
import { shareScans } from './shared-scans';
import { resolveSymlinkTarget } from './symlink-target';
import { errorMessage } from '../../shared/error-message';
import type { UpdateAwsFileOptions } from './update-aws-file';
import { settleTimeMs, settleWait } from './settle-time';
import { updateAwsFile } from './update-aws-file';

/**
 * Keys that go to the credentials file. `aws configure set` (awscli 2.9 set.py) sends the first three
 * there; botocore also reads the legacy `aws_security_token` from it, and as a secret it must not land
 * in the config file either.
 */
export const CREDENTIAL_KEYS: readonly string[] = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
];

/**
 * Profile names botocore reads as written: the subset the JS SDK reads alike (see aws-facts), and words of it
 * joined by single spaces (`[profile "My Session"]` / `[My Session]`, which the AWS CLI accepts; the JS SDK
 * cannot see those, and `status` says so).
 */
const WRITABLE_PROFILE_NAME = /^[\w\-@+.%:/]+(?: [\w\-@+.%:/]+)*$/;

/** How the two file writes wait: locks, late writers, and who to tell what they wait for. */
export type ProfileWriteOptions = Pick<
  UpdateAwsFileOptions,
  'lock' | 'settleMs' | 'onWait' | 'writerWaitMs' | 'lateWriterWaitMs' | 'findWriters'
> & {
  /** How long one file's question to /proc waits for the other's (default SHARED_SCAN_WAIT_MS, shared-scans.ts). */
  sharedScanWaitMs?: number;
};

/** What the writes of one call share: the caller's options and the state folder of the locations. */
type WriteOptions = ProfileWriteOptions & Pick<UpdateAwsFileOptions, 'stateDir'>;

export interface ProfileSettingsPlacement {
  /** Keys that go to the credentials file for this write besides CREDENTIAL_KEYS (e.g. aws-mfa's `expiration`). */
  credentialsFileKeys?: readonly string[];
}

export interface SettleTime {
  /**
   * Called once every file of the write is renamed into place, while the write waits for late outside writers
   * (settleMs): work for the caller that would otherwise follow that wait, such as composing what to say.
   */
  whileSettling?: () => void;
}

export interface ProfileSettingsPlan {
  profile: string;
  path: string;
  role: FileRole;
  edits: IniEdit[];
}

type FilePlan = ProfileSettingsPlan;

interface DoneWrite {
  plan: FilePlan;
  before: string;
  after: string;
}

interface PendingWrite {
  record: DoneWrite;
  promise: Promise<unknown>;
  /** Settles once this write's rename is done. */
  committed: Promise<void>;
}

/**
 * Which edits go to which file, like `aws configure set` splits them: credentials file first, files without
 * edits left out. Throws AwsFileError for a profile name MFA Tray does not write.
 */
export function planProfileSettings(
  locations: AwsFileLocations,
  profile: string,
  values: Record<string, string | null>,
  placement: ProfileSettingsPlacement = {},
): ProfileSettingsPlan[] {
  if (!WRITABLE_PROFILE_NAME.test(profile)) {
    throw AwsFileError.wholeFile(
      locations.config,
      'config',
      `will not write profile "${profile}": use letters, digits and - _ @ + . % : / (words joined by single spaces) only, so every AWS tool reads it alike`,
    );
  }
  const credentials: FilePlan = { profile, path: locations.credentials, role: 'credentials', edits: [] };
  const config: FilePlan = { profile, path: locations.config, role: 'config', edits: [] };
  const toCredentials = new Set([...CREDENTIAL_KEYS, ...(placement.credentialsFileKeys ?? [])]);
  for (const [key, value] of Object.entries(values)) {
    if (toCredentials.has(key)) credentials.edits.push({ section: profile, key, value });
    else config.edits.push({ section: configSectionName(profile), key, value });
  }
  // Credentials first: if we die between the two writes, fresh keys with an old expiration only cause an
  // early renewal, while a fresh expiration with old keys would hide an expired session.
  return [credentials, config].filter((plan) => plan.edits.length > 0);
}

/** Sets (string) or deletes (null) each key of `profile`; credentials to the credentials file, the rest to config. */
export async function writeProfileSettings(
  locations: AwsFileLocations,
  profile: string,
  values: Record<string, string | null>,
  { credentialsFileKeys, whileSettling, ...options }: ProfileWriteOptions & ProfileSettingsPlacement & SettleTime = {},
): Promise<void> {
  const plans = planProfileSettings(locations, profile, values, { credentialsFileKeys });
  // What killed writers left (half a pair, lock folders, temp files holding keys) is finished first.
  await completeInterruptedWrites(locations);
  for (const plan of plans) applyProfileSettingsPlan(plan, (await readAwsFile(plan.path, { role: plan.role })).text);
  // Credentials first, the config file second, with a record of the pair in between (pending-pair.ts): killed
  // between the renames, the next reader completes the config file, so keys and `expiration` always match.
  const credentials = plans.find((plan) => plan.role === 'credentials');
  const config = plans.find((plan) => plan.role === 'config');
  // Written while the files are locked, read and staged: only the first rename waits for it.
  const pending =
    credentials && config ? recordPendingPair(locations, profile, credentials.edits, config.edits) : undefined;
  try {
    await writeBoth(plans, { ...options, stateDir: locations.stateDir }, { firstAfter: pending, whileSettling });
  } finally {
    await (await pending)?.clear();
  }
}

/**
 * Writes the files of a plan; if one fails, undoes the others. The first rename waits for `firstAfter` (the pair's
 * record), each further one for the rename before it.
 */
async function writeBoth(
  plans: FilePlan[],
  options: WriteOptions,
  { firstAfter, whileSettling }: SettleTime & { firstAfter?: Promise<unknown> },
): Promise<void> {
  // Both files wait out their settle time (for late outside writers) together, from the last rename on, and then
  // ask /proc in one pass, as they do before reading; the config rename still waits for the credentials rename (and
  // is dropped if that write fails).
  const { sharedScanWaitMs, ...writeOptions } = options;
  const scans = shareScans(options.findWriters, sharedScanWaitMs);
  // One reading of the load for both files (and any later round of theirs).
  const settleMs = options.settleMs ?? settleTimeMs();
  let startSettling = (): void => {};
  const settled = new Promise<void>((resolve) => (startSettling = resolve)).then(() => settleWait(settleMs));
  const writes: PendingWrite[] = [];
  for (const plan of plans) {
    const first = writes[0];
    const record: DoneWrite = { plan, before: '', after: '' };
    let signalCommitted = (): void => {};
    const committed = new Promise<void>((resolve) => (signalCommitted = resolve));
    // Awaited only once this write gets that far: a write failing earlier must not leave the race unhandled.
    const after = first === undefined ? firstAfter : Promise.race([first.committed, first.promise]);
    after?.catch(() => undefined);
    const promise = updateAwsFile(
      plan.path,
      (current) => {
        record.before = current;
        record.after = applyProfileSettingsPlan(plan, current);
        return record.after;
      },
      {
        ...writeOptions,
        settleMs,
        role: plan.role,
        onFirstCommit: signalCommitted,
        commitAfter: after,
        scans,
        settled,
      },
    );
    writes.push({ record, promise, committed });
  }
  // Renamed or failed: the settle starts once none of them is still to be renamed.
  void Promise.allSettled(writes.map((write) => Promise.race([write.committed, write.promise]))).then(startSettling);
  // Never called when a write fails before its rename. An early start only: a caller whose work threw here meets
  // the same error when it does that work again after the write. Run once the settle timer is set: work taking
  // milliseconds would delay it.
  if (whileSettling)
    Promise.all(writes.map((write) => write.committed))
      .then(() => setImmediate(whileSettling))
      .catch(() => undefined);
  const results = await Promise.allSettled(writes.map((write) => write.promise));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure === undefined) return;
  const done = writes.filter((_, index) => results[index]?.status === 'fulfilled').map((write) => write.record);
  await undo(done, writeOptions, failure.reason);
  throw failure.reason;
}

/** Applies a plan's edits to a file's text (what the write would produce); throws AwsFileError naming the file. */
export function applyProfileSettingsPlan(plan: FilePlan, text: string): string {
  try {
    return applyEdits(text, plan.edits, { file: plan.role });
  } catch (error) {
    if (error instanceof IniParseError) {
      throw new AwsFileError(
        plan.path,
        error.problems.map((problem) => ({
          file: plan.path,
          fileRole: plan.role,
          line: problem.line,
          message: problem.message,
        })),
      );
    }
    if (error instanceof IniEditError)
      throw AwsFileError.wholeFile(plan.path, plan.role, `cannot be updated safely: ${error.message}`);
    throw error;
  }
}

/** Puts back what the earlier writes replaced; keeps anything others wrote to those files since. */
async function undo(done: readonly DoneWrite[], options: WriteOptions, cause: unknown): Promise<void> {
  for (const write of done) {
    try {
      await updateAwsFile(
        write.plan.path,
        (current) =>
          current === write.after
            ? write.before
            : applyProfileSettingsPlan({ ...write.plan, edits: inverseEdits(write) }, current),
        { ...options, role: write.plan.role },
      );
    } catch (undoError) {
      // The backup sits beside the file a symlink points at, where updateAwsFile wrote.
      const backup = backupPathFor(await resolveSymlinkTarget(write.plan.path).catch(() => write.plan.path));
      throw AwsFileError.wholeFile(
        write.plan.path,
        write.plan.role,
        `was updated, but the other file then failed (${errorMessage(cause)}) and undoing this one failed too (${errorMessage(undoError)}); the backup ${backup} holds its state before MFA Tray's first change`,
      );
    }
  }
}

/** Edits restoring each key we touched to its value before our write (absent keys are deleted again). */
function inverseEdits(write: DoneWrite): IniEdit[] {
  const raw = rawConfigParse(write.before);
  // The section the edits went to: in a config file the one botocore reads for the profile, which may be
  // spelt [profile "x"] or be the later of [default] and [profile default].
  const section =
    write.plan.role === 'config' ? loadConfigFromRaw(raw).profiles[write.plan.profile] : raw[write.plan.profile];
  return write.plan.edits.flatMap((edit) => {
    const previous = section?.[edit.key];
    // A nested sub-section value cannot be expressed as one edit; such keys are never ours to write.
    if (typeof previous === 'object') return [];
    return [{ section: edit.section, key: edit.key, value: previous ?? null }];
  });
}
