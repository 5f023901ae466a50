// The STS gateway a renewal signs with: the profile's region, endpoint_url and services section, the env's
// endpoint overrides; a bad endpoint setting is a configuration outcome, found before any code is asked for.
import { readAwsFile } from '../aws-files';
import { loadConfig } from '../ini';
import type { SettingValue } from '../profiles';
// Not the STS index: the client (the SDK) is imported only once a renewal is due, and the IAM client never.
import { EndpointConfigError } from '../sts/endpoint';
import type { AwsKeys, createStsGateway, StsGateway } from '../sts';
import { systemClock } from '../time/clock';
import type { RenewDeps, RenewOutcome } from './types';

type GatewayModule = { createStsGateway: typeof createStsGateway };
let gatewayModule: Promise<GatewayModule> | undefined;

/**
 * The STS client module, imported once: a target still valid never loads it. A renewal that is due starts the
 * import before the files are checked and the code is asked for, so that it loads meanwhile.
 */
export function preloadStsClient(deps: RenewDeps): void {
  if (!deps.createGateway) void stsGatewayModule().catch(() => undefined); // awaited (and reported) in openGateway
}

function stsGatewayModule(): Promise<GatewayModule> {
  gatewayModule ??= import('../sts/gateway');
  return gatewayModule;
}

export async function openGateway(
  deps: RenewDeps,
  keys: AwsKeys,
  profileName: string,
  profileSettings: Readonly<Record<string, SettingValue>>,
): Promise<StsGateway | RenewOutcome> {
  try {
    return (deps.createGateway ?? (await stsGatewayModule()).createStsGateway)({
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
