// One lab device: "Lab only", its state and note, the sessions it renews, its current code with the seconds left
// in the window, and Copy / Finish / Remove (remove asks first, inline, keyboard friendly).
import { useEffect, useRef, useState } from 'react';
import type { LabDeviceView } from '../../../electron/shared/contract';
import { formatClock } from '../../../electron/shared/time-format';
import { secondsLeft, type ShownCode } from './code-clock';

interface Props {
  device: LabDeviceView;
  code: ShownCode | undefined;
  now: number;
  busy: boolean;
  onCopy(serial: string): void;
  onFinish(serial: string): void;
  onRemove(serial: string): void;
}

const STATE_LABELS: Record<LabDeviceView['state'], string> = {
  ready: 'Ready',
  'not-enabled': 'Not enabled',
  unreadable: 'Unreadable',
};
const STATE_PILLS: Record<LabDeviceView['state'], string> = {
  ready: 'pill-valid',
  'not-enabled': 'pill-expiring',
  unreadable: 'pill-expired',
};

export function DeviceCard({ device, code, now, busy, onCopy, onFinish, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const titleId = `device-${device.serial.replace(/[^\w-]/g, '-')}`;

  // Focus follows the question: onto "Keep" when it is asked, back onto "Remove…" when it is answered with Keep.
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (asked.current) remove.current?.focus();
  }, [confirming]);

  return (
    <li className="device" aria-labelledby={titleId} data-testid={`device-${device.serial}`}>
      <div className="device-head">
        <h3 id={titleId}>{device.label}</h3>
        <span className="badge lab">Lab only</span>
        <span className={`pill ${STATE_PILLS[device.state]}`}>{STATE_LABELS[device.state]}</span>
      </div>
      <p className="mono small">{device.serial}</p>
      <p className="small">{device.note}</p>
      <p className="muted small">
        Added {formatClock(device.addedAt, now)}
        {device.sourceProfile && (
          <>
            {' '}
            for <span className="mono">{device.sourceProfile}</span>
          </>
        )}
        {' · '}
        {device.sessions.length > 0 ? (
          <>
            renews <span className="mono">{device.sessions.join(', ')}</span>
          </>
        ) : (
          'no MFA session uses it yet'
        )}
        {device.weakStoreAccepted && ' · in the weak store (your choice)'}
      </p>

      {device.state === 'ready' && (
        <div className="device-code" data-testid="device-code">
          {code?.kind === 'code' ? (
            <>
              <span className="code" data-testid="current-code">
                {code.code.slice(0, 3)} {code.code.slice(3)}
              </span>
              <span className="countdown muted">valid for {secondsLeft(code, now)} s</span>
              {code.windowUsed && (
                <span className="small warning-text">
                  A renewal used this code: the next renewal waits for the next one.
                </span>
              )}
            </>
          ) : code?.kind === 'error' ? (
            <span className="error-text small">{code.message}</span>
          ) : (
            <span className="muted">Loading the code…</span>
          )}
        </div>
      )}

      {confirming ? (
        <div
          className="confirm"
          role="group"
          aria-label={`Remove ${device.label}?`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setConfirming(false);
            }
          }}
        >
          <p>
            Erase this device's secret from MFA Tray? The device itself stays in IAM; without its secret nobody can make
            its codes here again.
          </p>
          <div className="buttons left">
            <button type="button" className="danger" onClick={() => onRemove(device.serial)} disabled={busy}>
              Erase secret
            </button>
            <button type="button" ref={keep} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      ) : (
        <div className="buttons left">
          {device.state === 'ready' && (
            <button type="button" onClick={() => onCopy(device.serial)} aria-label={`Copy the code of ${device.label}`}>
              Copy code
            </button>
          )}
          {device.state === 'not-enabled' && (
            <button
              type="button"
              className="primary"
              onClick={() => onFinish(device.serial)}
              disabled={busy}
              aria-label={`Finish enabling ${device.label}`}
            >
              {busy ? 'Enabling…' : 'Finish enabling'}
            </button>
          )}
          <button
            type="button"
            ref={remove}
            onClick={() => {
              asked.current = true;
              setConfirming(true);
            }}
            aria-label={`Remove ${device.label}…`}
          >
            Remove…
          </button>
        </div>
      )}
    </li>
  );
}
