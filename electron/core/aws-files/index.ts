// Where the AWS files are, and how we read and change them without ever damaging them.
export { AwsFileError } from './aws-file-error';
export type { FileProblem, FileRole } from './file-problem';
export type { AwsFileLocations } from './locations';
export { resolveAwsFileLocations } from './locations';
export type { AwsFileText, ReadAwsFileOptions } from './read-aws-file';
export { readAwsFile, readParsedAwsFile, type ParsedAwsFile } from './read-aws-file';
export type { UpdateAwsFileOptions, UpdateAwsFileResult } from './update-aws-file';
export { updateAwsFile } from './update-aws-file';
export { backupPathFor } from './backup';
export { prepareAtomicWrite, writeFileAtomic } from './atomic-write';
export {
  CREDENTIAL_KEYS,
  writeProfileSettings,
  type ProfileSettingsPlacement,
  type SettleTime,
} from './profile-settings';
export { checkProfileWritable } from './write-preflight';
export { completeInterruptedWrites } from './interrupted-writes';
export type { WatchAwsFilesOptions } from './watch-aws-files';
export { watchAwsFiles } from './watch-aws-files';
