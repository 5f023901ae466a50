// Main's clock as seen from the page: countdowns use the state's `now` offset so they agree with the
// tray's notifications, and tick only while the window is visible (no work while hidden in the tray).
import { useEffect, useState } from 'react';

/** Offset (ms) to add to Date.now() so the page agrees with main's clock at the time the state was built. */
export function clockOffsetMs(mainNowIso: string, receivedAt: number): number {
  return Date.parse(mainNowIso) - receivedAt;
}

export function useLiveNow(offsetMs: number, tickMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(Date.now() + offsetMs);
    const sync = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (document.visibilityState === 'visible') {
        tick();
        timer = setInterval(tick, tickMs);
      }
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => {
      document.removeEventListener('visibilitychange', sync);
      if (timer !== undefined) clearInterval(timer);
    };
  }, [offsetMs, tickMs]);
  return now;
}
