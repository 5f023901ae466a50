// "Expires in 3 h 05 min (today 18:30)" or "Expired 5 min 02 s ago": the live part of a row.
import { formatClock, formatSpan } from '../../../electron/shared/time-format';

interface Props {
  expiration: string;
  now: number;
  /** e.g. "Expires" → "Expires in …" */
  future: string;
  /** e.g. "Expired" → "Expired … ago" */
  past: string;
}

export function Countdown({ expiration, now, future, past }: Props) {
  const remaining = Date.parse(expiration) - now;
  return (
    <span className="countdown">
      {remaining > 0 ? `${future} in ` : `${past} `}
      <time dateTime={expiration}>{formatSpan(Math.abs(remaining), { precision: 'second' })}</time>
      {remaining > 0 ? ' ' : ' ago '}
      <span className="muted">({formatClock(expiration, now)})</span>
    </span>
  );
}
