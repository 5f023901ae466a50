// The STS gateway a renewal signs with: the profile's region, endpoint_url and services section, the env's
// endpoint overrides; a bad endpoint setting is a configuration outcome, found before any code is asked for.
import { readAwsFile } from '../aws-files';
import { loadConfig } from '../ini';
import type { SettingValue } from '../profiles';
import { createStsGateway, EndpointConfigError, type AwsKeys, type StsGateway } from '../sts';
import { systemClock } from '../time/clock';
import type { RenewDeps, RenewOutcome } from './types';

export async function openGateway(
  deps: RenewDeps,
  keys: AwsKeys,
  profileName: string,
  profileSettings: Readonly<Record<string, SettingValue>>,
): Promise<StsGateway | RenewOutcome> {
  try {
    return (deps.createGateway ?? createStsGateway)({
      keys,
      profileName,
      profileSettings,
      servicesSections: await servicesSectionsFor(profileSettings, deps.locations.config),
      env: deps.env ?? process.env,
      policy: deps.policy,
      clock: deps.clock ?? systemClock,
    });
  } catch (error) {
    if (error instanceof EndpointConfigError)
      return { kind: 'configuration', category: 'user', message: error.message };
    throw error;
  }
}

async function servicesSectionsFor(settings: Readonly<Record<string, SettingValue>>, configPath: string) {
  if (typeof settings.services !== 'string') return undefined;
  return loadConfig((await readAwsFile(configPath)).text).services;
}
