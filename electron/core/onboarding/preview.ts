// Step 7: the two files as they are, the same files with the planned writes applied exactly as
// writeProfileSettings applies them (same key split, same ini edits), and the diff between them.
import { createHmac } from 'node:crypto';
import type { WizardFileDiff } from '../../shared/contract';
import { CREDENTIAL_KEYS, readAwsFile, type AwsFileLocations } from '../aws-files';
import { applyEdits, configSectionName, type IniEdit } from '../ini';
import type { FileRole } from '../aws-files';
import { diffIniTexts } from './line-diff';
import type { ProfileWrite } from './profile-writes';

export interface FileTexts {
  config: { text: string; exists: boolean };
  credentials: { text: string; exists: boolean };
}

export interface PlannedFiles {
  before: FileTexts;
  after: { config: string; credentials: string };
  /** What each profile write does to the files, in order. */
  actions: { profile: string; action: 'create' | 'update' | 'unchanged' }[];
}

export async function readBothFiles(locations: AwsFileLocations): Promise<FileTexts> {
  const [config, credentials] = await Promise.all([
    readAwsFile(locations.config, { role: 'config' }),
    readAwsFile(locations.credentials, { role: 'credentials' }),
  ]);
  return { config, credentials };
}

/** Throws IniParseError / IniEditError like writeProfileSettings would, before anything is written. */
export function applyWrites(
  before: FileTexts,
  writes: readonly ProfileWrite[],
  profileExists: (name: string) => boolean,
): PlannedFiles {
  let config = before.config.text;
  let credentials = before.credentials.text;
  const actions: PlannedFiles['actions'] = [];
  for (const write of writes) {
    const credentialEdits: IniEdit[] = [];
    const configEdits: IniEdit[] = [];
    for (const [key, value] of Object.entries(write.values)) {
      if (CREDENTIAL_KEYS.includes(key)) credentialEdits.push({ section: write.profile, key, value });
      else configEdits.push({ section: configSectionName(write.profile), key, value });
    }
    const nextCredentials =
      credentialEdits.length > 0 ? applyEdits(credentials, credentialEdits, { file: 'credentials' }) : credentials;
    const nextConfig = configEdits.length > 0 ? applyEdits(config, configEdits, { file: 'config' }) : config;
    const changed = nextCredentials !== credentials || nextConfig !== config;
    actions.push({
      profile: write.profile,
      action: !changed ? 'unchanged' : profileExists(write.profile) ? 'update' : 'create',
    });
    credentials = nextCredentials;
    config = nextConfig;
  }
  return { before, after: { config, credentials }, actions };
}

export function fileDiffs(
  planned: PlannedFiles,
  locations: AwsFileLocations,
  knownSecrets: readonly string[],
): WizardFileDiff[] {
  const roles: FileRole[] = ['config', 'credentials'];
  return roles.map((fileRole) => ({
    file: locations[fileRole],
    fileRole,
    existsNow: planned.before[fileRole].exists,
    hunks: diffIniTexts(planned.before[fileRole].text, planned.after[fileRole], knownSecrets),
  }));
}

/** Identifies one preview without revealing anything: keyed with a secret that never leaves this process. */
export function previewFingerprint(key: Buffer, planned: PlannedFiles): string {
  const mac = createHmac('sha256', key);
  for (const part of [
    planned.before.config.text,
    planned.before.credentials.text,
    planned.after.config,
    planned.after.credentials,
  ]) {
    mac.update(String(part.length)).update('\0').update(part);
  }
  return mac.digest('hex').slice(0, 32);
}
