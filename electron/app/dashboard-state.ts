// Builds the renderer's view of the world from the profile model, the settings and main's clock. Only metadata
// is copied: the model's `settings` maps (which hold the keys) are never read here.
import type { DashboardState, MfaSessionView, RoleView, SessionState } from '../shared/contract';
import type { Settings } from '../shared/vocabulary';
import { expiryState } from '../core/expiry';
import { roleLayout } from '../core/profiles/mfa-roles';
import type { MfaSession, ProfileModel } from '../core/profiles/types';
import type { AwsFileLocations } from './ports';

export interface DashboardInput {
  model: ProfileModel;
  settings: Settings;
  nowMs: number;
  locations: AwsFileLocations;
  /** Targets with a renewal in flight. */
  renewing: ReadonlySet<string>;
  /** Devices whose TOTP secret MFA Tray holds. */
  labDevices: ReadonlySet<string>;
}

function sessionState(
  session: Pick<MfaSession, 'expiration'>,
  nowMs: number,
  leadTimeMinutes: number,
  renewing = false,
): SessionState {
  // The same rule the expiry scheduler uses, so the dashboard and the notifications agree.
  return renewing ? 'renewing' : expiryState(session.expiration, nowMs, leadTimeMinutes * 60_000);
}

export function buildDashboardState(input: DashboardInput): DashboardState {
  const { model, settings, nowMs, locations } = input;
  const muted = new Set(settings.mutedSessions);
  const sessions: MfaSessionView[] = model.mfaSessions.map((session) => ({
    target: session.target,
    source: session.source,
    ...(session.device !== undefined && { device: session.device }),
    ...(session.accountId !== undefined && { accountId: session.accountId }),
    ...(session.expiration !== undefined && { expiration: session.expiration.toISOString() }),
    durationSeconds: session.durationSeconds ?? settings.defaultDurationSeconds,
    state: sessionState(session, nowMs, settings.leadTimeMinutes, input.renewing.has(session.target)),
    labDevice: session.device !== undefined && input.labDevices.has(session.device),
    notificationsEnabled: !muted.has(session.target),
  }));
  const roles: RoleView[] = model.roles.map((role) => ({
    profile: role.profile,
    roleArn: role.roleArn,
    ...(role.accountId !== undefined && { accountId: role.accountId }),
    ...(role.region !== undefined && { region: role.region }),
    chain: [...role.chain],
    ...(role.mfaSessionTarget !== undefined && { mfaSessionTarget: role.mfaSessionTarget }),
    ...(role.cachedExpiration !== undefined && { cachedExpiration: role.cachedExpiration.toISOString() }),
    ...(role.chainError !== undefined && { chainError: role.chainError }),
    layout: roleLayout(role),
    ...(role.mfaRole && { device: role.mfaRole.device }),
    state: sessionState(
      { expiration: role.cachedExpiration },
      nowMs,
      settings.leadTimeMinutes,
      input.renewing.has(role.profile),
    ),
    notificationsEnabled: !muted.has(role.profile),
  }));
  return {
    now: new Date(nowMs).toISOString(),
    sessions,
    roles,
    profileCount: model.profiles.size,
    problems: model.problems.map((problem) => ({
      file: problem.file,
      fileRole: problem.fileRole,
      line: problem.line,
      message: problem.message,
    })),
    files: { config: locations.config, credentials: locations.credentials },
    settings: { ...settings, mutedSessions: [...settings.mutedSessions] },
  };
}
