// Reads both AWS files and the CLI's role cache and builds the model. Bad files never throw: a file botocore
// could not parse counts as empty (as the AWS CLI would refuse it whole) and its problems are in the model.
// Leaf files, not the aws-files index: git's credential helper loads this on every call (the writers stay unloaded).
import { AwsFileError } from '../aws-files/aws-file-error';
import { completeInterruptedWrites } from '../aws-files/interrupted-writes';
import type { AwsFileLocations } from '../aws-files/locations';
import { readParsedAwsFile } from '../aws-files/read-aws-file';
import { loadConfigFromRaw, type LoadedConfig, type RawConfig } from '../ini';
import { errorMessage } from '../../shared/error-message';
import { buildProfileModel } from './build-model';
import { readCachedRoleCredentials } from './cached-roles';
import type { FileProblem, FileRole } from '../aws-files/file-problem';
import type { ProfileModel } from './types';

const EMPTY_CONFIG: LoadedConfig = { profiles: {}, ssoSessions: {}, services: {} };

export async function loadProfileModel(locations: AwsFileLocations): Promise<ProfileModel> {
  // A renewal killed between its two renames left new keys beside the old `expiration`: complete it first, so
  // that no reader (status, the app, renew's check) trusts a stale stamp.
  await completeInterruptedWrites(locations);
  const [config, credentials, cachedRoles] = await Promise.all([
    parseFile(locations.config, 'config', loadConfigFromRaw, EMPTY_CONFIG),
    parseFile(locations.credentials, 'credentials', (raw) => raw, {}),
    readCachedRoleCredentials(locations.cliCacheDir),
  ]);
  // Config problems first, then credentials, whichever file was read first.
  const problems = [...config.problems, ...credentials.problems];
  return buildProfileModel({
    config: config.parsed,
    credentials: credentials.parsed,
    problems,
    cachedRoles,
    configPath: locations.config,
  });
}

/** Reads and parses a file once: the parse that validates it is the one the model is built from. */
async function parseFile<T>(
  file: string,
  fileRole: FileRole,
  fromRaw: (raw: RawConfig) => T,
  empty: T,
): Promise<{ parsed: T; problems: FileProblem[] }> {
  try {
    return { parsed: fromRaw((await readParsedAwsFile(file, { role: fileRole })).raw), problems: [] };
  } catch (error) {
    return { parsed: empty, problems: problemsOf(error, file, fileRole) };
  }
}

function problemsOf(error: unknown, file: string, fileRole: FileRole): FileProblem[] {
  if (error instanceof AwsFileError) return error.problems;
  return [{ file, fileRole, line: 0, message: errorMessage(error) }];
}
