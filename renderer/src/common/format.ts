// Human-readable times and durations for every screen; pure so they are unit-tested.

/** "2 h 05 min", "4 min 09 s", "12 s": coarse units for long spans, seconds near the end. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** Session lengths as people say them: "24 hours", "1 hour 30 minutes", "15 minutes". */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.length > 0 ? parts.join(' ') : `${seconds} seconds`;
}

// Built once: toLocale*String builds a formatter per call, which dominated rendering a thousand rows.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** A local date and time, with the weekday when it is not today. */
export function formatClock(iso: string, now: number): string {
  const at = new Date(iso);
  const sameDay = new Date(now).toDateString() === at.toDateString();
  const time = timeFormat.format(at);
  if (sameDay) return `today ${time}`;
  return `${dayFormat.format(at)} ${time}`;
}

/** Clock skew as a sentence fragment: "12 min 30 s ahead of" / "behind". */
export function formatClockOffset(offsetSeconds: number): string {
  const direction = offsetSeconds >= 0 ? 'ahead of' : 'behind';
  return `${formatRemaining(Math.abs(offsetSeconds) * 1000)} ${direction}`;
}
