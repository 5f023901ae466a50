// One role profile: role, the chain of profiles it is reached through, and its cached credentials' expiry.
import type { RoleView } from '../../../electron/shared/contract';
import { Countdown } from './Countdown';

export function RoleRow({ role, now }: { role: RoleView; now: number }) {
  const roleName = role.roleArn.split('/').slice(1).join('/') || role.roleArn;
  return (
    <li className="row role" data-testid={`role-${role.profile}`}>
      <div className="row-main">
        <div className="row-title">
          <span className="kind">Role</span>
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
        </div>
        <p className="muted small">
          No keys to copy: the AWS CLI assumes this role each time (
          <code>aws configure export-credentials --profile {role.profile}</code> prints them).
        </p>
        {role.chainError && (
          <p className="warning-text" role="note">
            {role.chainError}
          </p>
        )}
      </div>
      <div className="row-status">
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
      {/* No "Copy exports": a role profile holds no keys to copy, they come from AssumeRole each time. */}
      <div className="row-actions" />
    </li>
  );
}
