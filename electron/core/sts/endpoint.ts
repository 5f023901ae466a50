// Where STS calls go and which region they are signed for, resolved the way the AWS SDK for JavaScript does
// (AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's services section, the profile's endpoint_url),
// but from settings we already parsed: the SDK would otherwise re-read the files, and only from its own env paths.
import type { SettingValue } from '../profiles/types';

export interface ResolvedStsTarget {
  /** Explicit endpoint URL, or undefined for the SDK's own endpoint rules. */
  endpoint?: string;
  region: string;
  /** No region anywhere: use the global endpoint https://sts.amazonaws.com, signed for us-east-1. */
  useGlobalEndpoint: boolean;
}

export interface EndpointInputs {
  env: NodeJS.ProcessEnv;
  /** Effective settings of the profile whose keys sign the call. */
  profileSettings?: Readonly<Record<string, SettingValue>>;
  /** The `[services NAME]` sections of the config file, when known. */
  servicesSections?: Readonly<Record<string, Readonly<Record<string, SettingValue>>>>;
}

export class EndpointConfigError extends Error {}

const GLOBAL_REGION = 'us-east-1';

function text(value: SettingValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/** The endpoint and region for `service` ('sts' or 'iam'); throws EndpointConfigError for a missing services section. */
export function resolveServiceTarget(service: 'sts' | 'iam', inputs: EndpointInputs): ResolvedStsTarget {
  const { env, profileSettings = {} } = inputs;
  const region = text(env.AWS_REGION) ?? text(env.AWS_DEFAULT_REGION) ?? text(profileSettings.region);
  const ignoreConfigured =
    isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(text(profileSettings.ignore_configured_endpoint_urls));
  const endpoint = ignoreConfigured ? undefined : configuredEndpoint(service, inputs);
  return { endpoint, region: region ?? GLOBAL_REGION, useGlobalEndpoint: region === undefined };
}

function configuredEndpoint(
  service: 'sts' | 'iam',
  { env, profileSettings = {}, servicesSections = {} }: EndpointInputs,
): string | undefined {
  const fromEnv = text(env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`]) ?? text(env.AWS_ENDPOINT_URL);
  if (fromEnv) return fromEnv;
  const servicesName = text(profileSettings.services);
  if (servicesName) {
    const section = servicesSections[servicesName];
    if (!section) {
      throw new EndpointConfigError(
        `The profile names services section "${servicesName}", which is not in the config file.`,
      );
    }
    const sub = section[service];
    if (sub && typeof sub !== 'string') {
      const url = text(sub.endpoint_url);
      if (url) return url;
    }
  }
  return text(profileSettings.endpoint_url);
}
