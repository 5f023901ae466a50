// A renewal spends an MFA code before it writes; so first make sure both AWS files can be written at all:
// readable, and parsed by botocore's rules (we never write into a file the AWS CLI would reject whole).
import { AwsFileError, readAwsFile, type AwsFileLocations } from '../aws-files';
import { IniParseError, loadConfig, rawConfigParse } from '../ini';
import { maskSecretLike } from './problem-text';
import type { RenewOutcome } from './types';

export async function checkFilesWritable(locations: AwsFileLocations): Promise<RenewOutcome | undefined> {
  for (const [path, parse] of [
    [locations.credentials, rawConfigParse],
    [locations.config, loadConfig],
  ] as const) {
    try {
      parse((await readAwsFile(path)).text);
    } catch (error) {
      if (!(error instanceof AwsFileError) && !(error instanceof IniParseError)) throw error;
      // Both messages list the problems by line; AwsFileError's also starts with the path, said once below.
      const detail = error instanceof AwsFileError ? error.message.replace(`${error.file}: `, '') : error.message;
      return {
        kind: 'file-problem',
        category: 'user',
        message: `MFA Tray will not write to ${path} while the AWS CLI cannot read it (${maskSecretLike(detail)}). Fix it, then renew again.`,
      };
    }
  }
  return undefined;
}
