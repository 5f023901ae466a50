// `mfa-tray profiles`: every profile as botocore resolves it, with its kind; secrets are never printed.
import type { Command } from 'commander';
import { resolveAwsFileLocations, type AwsFileLocations } from '../../core/aws-files';
import {
  loadProfileModel,
  redactSettings,
  type Profile,
  type ProfileModel,
  type SettingValue,
} from '../../core/profiles';
import { processIo, REPORT_EXIT, REPORT_EXIT_HELP, type CliIo } from '../output/cli-io';
import { formatProblems } from '../output/problems';
import { formatTable, printable } from '../output/text-table';

export interface ProfilesReport {
  files: { config: string; credentials: string };
  profiles: Array<{
    name: string;
    kind: Profile['kind'];
    accountId?: string;
    mfaSerial?: string;
    settings: Record<string, SettingValue>;
    origin: Readonly<Record<string, string>>;
  }>;
  ssoSessions: Record<string, Record<string, SettingValue>>;
  problems: ProfileModel['problems'];
}

function profilesReport(model: ProfileModel, locations: AwsFileLocations): ProfilesReport {
  return {
    files: { config: locations.config, credentials: locations.credentials },
    profiles: [...model.profiles.values()].map(({ name, kind, accountId, mfaSerial, settings, origin }) => ({
      name,
      kind,
      ...(accountId === undefined ? {} : { accountId }),
      ...(mfaSerial === undefined ? {} : { mfaSerial }),
      settings: redactSettings(settings),
      origin,
    })),
    ssoSessions: Object.fromEntries([...model.ssoSessions].map(([name, settings]) => [name, redactSettings(settings)])),
    problems: model.problems,
  };
}

export async function runProfiles(options: { json?: boolean }, io: CliIo): Promise<number> {
  const locations = resolveAwsFileLocations(io.env);
  const report = profilesReport(await loadProfileModel(locations), locations);
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout(formatProfiles(report));
    io.stderr(formatProblems(report.problems));
  }
  return report.problems.length > 0 ? REPORT_EXIT.problems : REPORT_EXIT.ok;
}

function formatProfiles(report: ProfilesReport): string {
  const parts = [
    formatTable([
      ['Config file:', report.files.config],
      ['Credentials file:', report.files.credentials],
    ]),
  ];
  if (report.profiles.length === 0) parts.push('No profiles.\n');
  for (const profile of report.profiles) {
    const facts = [
      profile.kind,
      profile.accountId && `account ${profile.accountId}`,
      profile.mfaSerial && `MFA ${profile.mfaSerial}`,
    ];
    parts.push(
      `${printable(profile.name)}  (${facts.filter(Boolean).join(', ')})\n${formatSettings(profile.settings, profile.origin)}`,
    );
  }
  for (const [name, settings] of Object.entries(report.ssoSessions)) {
    parts.push(`sso-session ${printable(name)}\n${formatSettings(settings, {})}`);
  }
  return parts.join('\n');
}

function formatSettings(settings: Record<string, SettingValue>, origin: Readonly<Record<string, string>>): string {
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value === 'string') rows.push([key, value, origin[key] ? `(${origin[key]})` : '']);
    else {
      rows.push([key, '', origin[key] ? `(${origin[key]})` : '']);
      for (const [inner, text] of Object.entries(value)) rows.push([`  ${inner}`, text, '']);
    }
  }
  return rows.length > 0 ? formatTable(rows, '  ') : '  (no settings)\n';
}

export function registerProfilesCommand(program: Command): void {
  program
    .command('profiles')
    .description('List every AWS profile with its kind and effective settings (secrets shown as <redacted>).')
    .option('--json', 'print JSON: profiles, sso-sessions and problems')
    .addHelpText(
      'after',
      `\nReads AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (default ~/.aws/config, ~/.aws/credentials);\n` +
        `for the same key the credentials file wins, as in the AWS CLI.\n${REPORT_EXIT_HELP}`,
    )
    .action(async (options: { json?: boolean }) => {
      process.exitCode = await runProfiles(options, processIo);
    });
}
