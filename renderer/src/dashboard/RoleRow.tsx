// One role profile: role, the chain of profiles it is reached through, which MFA layout it uses (and what that
// means for git), and its cached credentials' expiry. An MFA role (mfa_serial on the role profile) is renewed
// here like a session: state, countdown, Renew, and "Renew all roles of this device" when the device has several.
import type { RoleView } from '../../../electron/shared/contract';
import { STATE_LABELS, liveSessionState } from './accounts';
import { Countdown } from './Countdown';

interface Props {
  role: RoleView;
  now: number;
  leadTimeMinutes: number;
  /** How many MFA roles share this role's device (the "all roles" button shows from two). */
  rolesOnDevice: number;
  onRenew: (target: string) => void;
  onRenewDeviceRoles: (device: string) => void;
}

const LAYOUT_NOTES: Record<RoleView['layout'], (profile: string) => string> = {
  'mfa-on-role': () =>
    'mfa_serial on the role: the AWS CLI and git’s aws codecommit credential-helper ask for a code at every cache expiry (nothing without a terminal can). Renewed here, from the tray or by mfa-tray, they use the cache without asking.',
  'mfa-session-chain': () =>
    'Chained from an MFA session: the AWS CLI assumes the role with the session’s keys (no code, at most 1 hour); renewing the session keeps git working.',
  'no-mfa': (profile) =>
    `No MFA in this chain. No keys to copy: the AWS CLI assumes this role each time (aws configure export-credentials --profile ${profile} prints them).`,
};

const LAYOUT_LABELS: Record<RoleView['layout'], string> = {
  'mfa-on-role': 'MFA role',
  'mfa-session-chain': 'Role via MFA session',
  'no-mfa': 'Role',
};

export function RoleRow({ role, now, leadTimeMinutes, rolesOnDevice, onRenew, onRenewDeviceRoles }: Props) {
  const roleName = role.roleArn.split('/').slice(1).join('/') || role.roleArn;
  const mfa = role.layout === 'mfa-on-role';
  const state = liveSessionState({ state: role.state, expiration: role.cachedExpiration }, now, leadTimeMinutes);
  return (
    <li className={`row role${mfa ? ` state-${state}` : ''}`} data-testid={`role-${role.profile}`}>
      <div className="row-main">
        <div className="row-title">
          <span className="kind">{LAYOUT_LABELS[role.layout]}</span>
          <span className="profile-name">{role.profile}</span>
          {role.region && <span className="badge">{role.region}</span>}
        </div>
        <div className="row-detail">
          <span title={role.roleArn}>
            assumes <span className="mono">{roleName}</span>
          </span>
          <span className="chain" aria-label={`Chain: ${role.chain.join(', then ')}`}>
            {role.chain.join(' → ')}
          </span>
          {role.device && <span className="mono device">{role.device}</span>}
        </div>
        <p className="muted small" data-testid={`layout-${role.profile}`}>
          {LAYOUT_NOTES[role.layout](role.profile)}
        </p>
        {role.chainError && (
          <p className="warning-text" role="note">
            {role.chainError}
          </p>
        )}
      </div>
      <div className="row-status">
        {mfa && <span className={`pill pill-${state}`}>{STATE_LABELS[state]}</span>}
        {role.cachedExpiration ? (
          <Countdown
            expiration={role.cachedExpiration}
            now={now}
            future="Cached credentials expire"
            past="Cached credentials expired"
          />
        ) : (
          <span className="muted">No cached role credentials</span>
        )}
      </div>
      <div className="row-actions">
        {mfa && (
          <button
            type="button"
            className="primary"
            onClick={() => onRenew(role.profile)}
            disabled={state === 'renewing'}
            aria-label={`Renew ${role.profile}`}
          >
            Renew
          </button>
        )}
        {mfa && role.device && rolesOnDevice > 1 && (
          <button
            type="button"
            onClick={() => onRenewDeviceRoles(role.device!)}
            aria-label={`Renew all ${rolesOnDevice} roles of ${role.device} with one code`}
          >
            Renew all roles of this device
          </button>
        )}
      </div>
    </li>
  );
}
