// `mfa-tray status`: each MFA session and role with its expiry, time left and state.
import { InvalidArgumentError, type Command } from 'commander';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { DEFAULT_LEAD_MS, expiryState, type ExpiryState } from '../../core/expiry';
import {
  loadProfileModel,
  roleLayout,
  type MfaSession,
  type ProfileModel,
  type RoleLayout,
  type RoleProfile,
} from '../../core/profiles';
import { processIo, REPORT_EXIT, REPORT_EXIT_HELP, type CliIo } from '../output/cli-io';
import { formatProblems } from '../output/problems';
import { formatTable, printable } from '../output/text-table';
import { formatClock, formatTimeLeft, NOT_RENEWED_YET } from '../../shared/time-format';

export interface StatusOptions {
  json?: boolean;
  /** Minutes before expiry from which a session counts as "expiring". */
  warnBefore?: number;
}

interface Expiry {
  expiration: string | null;
  /** Whole seconds until expiry, 0 once expired; null when there is no expiry. */
  secondsLeft: number | null;
  state: ExpiryState;
}

export interface StatusReport {
  now: string;
  warnBeforeSeconds: number;
  /** jsSdkReadable is present (false) only for a profile the AWS SDK for JavaScript cannot see: a name with a space. */
  mfaSessions: Array<Omit<MfaSession, 'expiration'> & Expiry & { jsSdkReadable?: false }>;
  roles: Array<
    Omit<RoleProfile, 'cachedExpiration'> & {
      cachedExpiration: string | null;
      secondsLeft: number | null;
      state: ExpiryState;
      layout: RoleLayout;
    }
  >;
  problems: ProfileModel['problems'];
}

function statusReport(model: ProfileModel, nowMs: number, leadMs: number): StatusReport {
  const expiry = (date: Date | undefined): Expiry => ({
    expiration: date?.toISOString() ?? null,
    secondsLeft: date === undefined ? null : Math.max(0, Math.floor((date.getTime() - nowMs) / 1000)),
    state: expiryState(date, nowMs, leadMs),
  });
  return {
    now: new Date(nowMs).toISOString(),
    warnBeforeSeconds: Math.round(leadMs / 1000),
    mfaSessions: model.mfaSessions.map(({ expiration, ...session }) => ({
      ...session,
      ...expiry(expiration),
      // botocore reads `[profile "My Session"]` / `[My Session]`; the JS SDK's profile-name pattern has no space.
      ...(/\s/.test(session.target) && { jsSdkReadable: false as const }),
    })),
    roles: model.roles.map(({ cachedExpiration, ...role }) => {
      const { expiration, ...rest } = expiry(cachedExpiration);
      return { ...role, cachedExpiration: expiration, ...rest, layout: roleLayout(role) };
    }),
    problems: model.problems,
  };
}

export async function runStatus(options: StatusOptions, io: CliIo): Promise<number> {
  const leadMs = options.warnBefore === undefined ? DEFAULT_LEAD_MS : options.warnBefore * 60_000;
  const model = await loadProfileModel(resolveAwsFileLocations(io.env));
  const nowMs = io.clock.now();
  const report = statusReport(model, nowMs, leadMs);
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout(formatStatus(report, nowMs, io.clockFormat));
    io.stderr(formatProblems(report.problems));
  }
  return report.problems.length > 0 ? REPORT_EXIT.problems : REPORT_EXIT.ok;
}

const LAYOUT_TEXT: Record<RoleLayout, string> = {
  'mfa-on-role': 'mfa_serial on role',
  'mfa-session-chain': 'via MFA session',
  'no-mfa': '-',
};

function formatStatus(report: StatusReport, nowMs: number, clockFormat: CliIo['clockFormat']): string {
  const parts: string[] = [];
  const when = (iso: string | null, none: string) => (iso === null ? none : formatClock(iso, nowMs, clockFormat));
  const left = (iso: string | null) => (iso === null ? '-' : formatTimeLeft(Date.parse(iso), nowMs));
  if (report.mfaSessions.length === 0) parts.push('MFA sessions: none found.\n');
  else {
    const rows = report.mfaSessions.map((s) => [
      s.target,
      s.source,
      s.device ?? '(no mfa_serial)',
      s.unparsedExpiration === undefined ? when(s.expiration, '-') : `unreadable: ${s.unparsedExpiration}`,
      left(s.expiration),
      s.state === 'never' ? NOT_RENEWED_YET : s.state,
    ]);
    const unseen = report.mfaSessions
      .filter((s) => s.jsSdkReadable === false)
      .map(
        (s) =>
          `  ${s.target}: the name has a space, so the AWS SDK for JavaScript (and tools built on it) cannot see this profile; the AWS CLI and other botocore tools can.\n`,
      );
    parts.push(
      `MFA sessions:\n${formatTable([['SESSION', 'SOURCE', 'DEVICE', 'EXPIRES', 'LEFT', 'STATE'], ...rows], '  ')}${printable(unseen.join(''))}`,
    );
  }
  if (report.roles.length === 0) parts.push('Roles: none found.\n');
  else {
    const rows = report.roles.map((r) => [
      r.profile,
      r.accountId ?? '?',
      r.roleArn,
      r.chain.join(' → '),
      LAYOUT_TEXT[r.layout],
      when(r.cachedExpiration, r.layout === 'mfa-on-role' ? NOT_RENEWED_YET : 'not cached'),
      left(r.cachedExpiration),
    ]);
    // Chain problems are sentences: below the table, so they do not stretch the CHAIN column.
    const chainProblems = report.roles.filter((r) => r.chainError).map((r) => `  ${r.profile}: ${r.chainError}\n`);
    parts.push(
      `Roles:\n${formatTable([['ROLE', 'ACCOUNT', 'ARN', 'CHAIN', 'MFA', 'CACHED UNTIL', 'LEFT'], ...rows], '  ')}${printable(chainProblems.join(''))}`,
    );
  }
  return parts.join('\n');
}

function minutes(value: string): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed)) throw new InvalidArgumentError('expected whole minutes, e.g. 15');
  return parsed;
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      'Show each MFA session (source, device, expiry, time left, state) and each role (ARN, account, chain, cached expiry).',
    )
    .option('--json', 'print JSON')
    .option(
      '--warn-before <minutes>',
      'a session expiring within this many minutes is "expiring" (default 15)',
      minutes,
    )
    .addHelpText(
      'after',
      `\nStates: valid, expiring (within --warn-before), expired, not renewed yet (no expiry; "never" in --json).\nTimes are local; --json gives ISO-8601 UTC and seconds left.\n${REPORT_EXIT_HELP}`,
    )
    .action(async (options: StatusOptions) => {
      process.exitCode = await runStatus(options, processIo);
    });
}
