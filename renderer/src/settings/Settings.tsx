// Settings: warning lead time, default session length, start at login, lab auto-renewal, notifications per session.
// Every change is saved at once (checked against the settings schema first); errors show next to the field.
import { useEffect, useState } from 'react';
import type { MfaSessionView } from '../../../electron/shared/contract';
import {
  PROMPT_WAIT_SECONDS,
  SESSION_DURATION,
  SettingsSchema,
  type Settings as SettingsValues,
} from '../../../electron/shared/vocabulary';
import { bridge } from '../common/bridge';
import { formatDuration } from '../../../electron/shared/time-format';
import { Loading } from '../common/Loading';
import { StatusMessage, useStatus } from '../common/StatusMessage';
import { TopBar } from '../common/TopBar';
import { useBridgeCall, useBridgeLoad } from '../common/use-bridge-call';

const TITLE = 'Settings';

const leadSchema = SettingsSchema.shape.leadTimeMinutes;
const durationSchema = SettingsSchema.shape.defaultDurationSeconds;
const waitSchema = SettingsSchema.shape.promptWaitSeconds;

export function Settings() {
  const { load } = useBridgeLoad('Could not load the settings', (api) => api.getSettings());
  if (load.status !== 'ready') return <Loading load={load} title={TITLE} label="Loading settings…" />;
  return <SettingsForm initial={load.value} />;
}

function SettingsForm({ initial }: { initial: SettingsValues }) {
  const [settings, setSettings] = useState(initial);
  const [sessions, setSessions] = useState<MfaSessionView[]>([]);
  const [lead, setLead] = useState(String(initial.leadTimeMinutes));
  const [hours, setHours] = useState(String(initial.defaultDurationSeconds / 3600));
  const [wait, setWait] = useState(String(initial.promptWaitSeconds));
  const [status, show] = useStatus();
  const { run } = useBridgeCall(show);
  useEffect(() => {
    const cancel = run(
      'Could not load your MFA sessions',
      (api) => api.getState(),
      (state) => setSessions(state.sessions),
    );
    const unsubscribe = bridge().onStateChanged((state) => setSessions(state.sessions));
    return () => {
      cancel();
      unsubscribe();
    };
  }, [run]);

  const leadCheck = leadSchema.safeParse(Number(lead));
  const leadError = lead.trim() === '' || !leadCheck.success ? 'Choose between 1 and 720 minutes.' : undefined;
  const seconds = Math.round(Number(hours) * 3600);
  const durationError =
    hours.trim() === '' || !durationSchema.safeParse(seconds).success
      ? `STS gives sessions of ${SESSION_DURATION.min / 3600} to ${SESSION_DURATION.max / 3600} hours.`
      : undefined;

  const waitError =
    wait.trim() === '' || !waitSchema.safeParse(Number(wait)).success
      ? `Choose between ${PROMPT_WAIT_SECONDS.min} and ${PROMPT_WAIT_SECONDS.max} seconds.`
      : undefined;

  const save = (change: Partial<SettingsValues>) =>
    run(
      'Not saved',
      (api) => api.updateSettings(change),
      (saved) => {
        setSettings(saved);
        show({ ok: true, message: 'Saved.' });
      },
    );

  const toggleMuted = (target: string, notify: boolean) => {
    const muted = new Set(settings.mutedSessions);
    if (notify) muted.delete(target);
    else muted.add(target);
    save({ mutedSessions: [...muted].sort() });
  };

  return (
    <div className="app">
      <TopBar title={TITLE} nav={{ label: 'Settings navigation', links: ['dashboard', 'devices'] }} />
      <main className="page narrow">
        <StatusMessage status={status} />
        <form className="settings" onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor="lead">Warn me this many minutes before a session expires</label>
            <p className="why" id="lead-why">
              The tray notifies you then, so you can renew before git or the AWS CLI fails.
            </p>
            <input
              id="lead"
              type="number"
              min={1}
              max={720}
              value={lead}
              onChange={(event) => setLead(event.target.value)}
              onBlur={() =>
                !leadError && Number(lead) !== settings.leadTimeMinutes && save({ leadTimeMinutes: Number(lead) })
              }
              aria-invalid={leadError ? true : undefined}
              aria-describedby="lead-why lead-error"
            />
            <p id="lead-error" className="field-error">
              {leadError}
            </p>
          </div>
          <div className="field">
            <label htmlFor="duration">Default session length (hours)</label>
            <p className="why" id="duration-why">
              Used when a profile sets no duration; keep it within your team's MFA age limit (usually 24 hours).
            </p>
            <input
              id="duration"
              type="number"
              min={SESSION_DURATION.min / 3600}
              max={SESSION_DURATION.max / 3600}
              step={0.25}
              value={hours}
              onChange={(event) => setHours(event.target.value)}
              onBlur={() =>
                !durationError &&
                seconds !== settings.defaultDurationSeconds &&
                save({ defaultDurationSeconds: seconds })
              }
              aria-invalid={durationError ? true : undefined}
              aria-describedby="duration-why duration-error"
            />
            <p id="duration-error" className="field-error">
              {durationError ?? (Number.isFinite(seconds) ? `= ${formatDuration(seconds)}` : '')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="prompt-wait">Wait this many seconds for a code asked for by git, an IDE or an SDK</label>
            <p className="why" id="prompt-wait-why">
              Programs without a terminal get the token dialog and wait this long for you; then they are told no code
              came.
            </p>
            <input
              id="prompt-wait"
              type="number"
              min={PROMPT_WAIT_SECONDS.min}
              max={PROMPT_WAIT_SECONDS.max}
              value={wait}
              onChange={(event) => setWait(event.target.value)}
              onBlur={() =>
                !waitError && Number(wait) !== settings.promptWaitSeconds && save({ promptWaitSeconds: Number(wait) })
              }
              aria-invalid={waitError ? true : undefined}
              aria-describedby="prompt-wait-why prompt-wait-error"
            />
            <p id="prompt-wait-error" className="field-error">
              {waitError}
            </p>
          </div>
          <div className="field check">
            <input
              id="login"
              type="checkbox"
              checked={settings.startAtLogin}
              onChange={(event) => save({ startAtLogin: event.target.checked })}
            />
            <label htmlFor="login">Start MFA Tray when I log in</label>
          </div>
          <div className="field check">
            <input
              id="auto-renew"
              type="checkbox"
              checked={settings.autoRenewLabSessions}
              onChange={(event) => save({ autoRenewLabSessions: event.target.checked })}
              aria-describedby="auto-renew-why"
            />
            <label htmlFor="auto-renew">Renew lab-device sessions by themselves</label>
            <p className="why" id="auto-renew-why">
              Only for test accounts whose MFA secret MFA Tray holds; real devices always ask you.
            </p>
          </div>
          <fieldset>
            <legend>Notifications</legend>
            <p className="why">Turn off the expiry warning for sessions you renew on demand.</p>
            {sessions.length === 0 && <p className="muted">No MFA sessions yet.</p>}
            {sessions.map((session) => {
              const id = `notify-${session.target}`;
              return (
                <div className="field check" key={session.target}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={!settings.mutedSessions.includes(session.target)}
                    onChange={(event) => toggleMuted(session.target, event.target.checked)}
                  />
                  <label htmlFor={id}>
                    Notify before <span className="mono">{session.target}</span> expires
                  </label>
                </div>
              );
            })}
          </fieldset>
        </form>
      </main>
    </div>
  );
}
