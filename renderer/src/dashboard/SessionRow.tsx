// One MFA session: source → target, device, state (colour and words), live countdown, Renew.
import type { MfaSessionView } from '../../../electron/shared/contract';
import { formatDuration } from '../../../electron/shared/time-format';
import { STATE_LABELS, liveSessionState } from './accounts';
import { Countdown } from './Countdown';

interface Props {
  session: MfaSessionView;
  now: number;
  leadTimeMinutes: number;
  onRenew: (target: string) => void;
  onCopy: (profile: string) => void;
}

export function SessionRow({ session, now, leadTimeMinutes, onRenew, onCopy }: Props) {
  const state = liveSessionState(session, now, leadTimeMinutes);
  const canCopy = state === 'valid' || state === 'expiring';
  return (
    <li className={`row session state-${state}`} data-testid={`session-${session.target}`}>
      <div className="row-main">
        <div className="row-title">
          <span className="kind">MFA session</span>
          <span className="profile-name">{session.target}</span>
          {session.labDevice && (
            <span className="badge lab" title="MFA Tray holds this device's secret: use for test or lab accounts only">
              Lab device
            </span>
          )}
        </div>
        <div className="row-detail">
          <span>
            from <span className="mono">{session.source}</span>
          </span>
          {session.device ? (
            <span className="mono device">{session.device}</span>
          ) : (
            <span className="warning-text">No MFA device (mfa_serial) set</span>
          )}
          <span className="muted">lasts {formatDuration(session.durationSeconds)}</span>
        </div>
      </div>
      <div className="row-status">
        <span className={`pill pill-${state}`}>{STATE_LABELS[state]}</span>
        {session.expiration ? (
          <Countdown expiration={session.expiration} now={now} future="Expires" past="Expired" />
        ) : (
          <span className="muted">No session yet</span>
        )}
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          onClick={() => onRenew(session.target)}
          disabled={state === 'renewing'}
          aria-label={`Renew ${session.target}`}
        >
          Renew
        </button>
        {canCopy ? (
          <button
            type="button"
            onClick={() => onCopy(session.target)}
            aria-label={`Copy export lines for ${session.target}`}
          >
            Copy exports
          </button>
        ) : (
          <p className="muted small">Export lines once renewed.</p>
        )}
      </div>
    </li>
  );
}
