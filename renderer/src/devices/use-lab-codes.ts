// The current code of every ready lab device, fetched from main when its window ends. Driven by the view's one
// clock (useLiveNow), which stops while the window is hidden: no fetching in the tray.
import { useEffect, useRef, useState } from 'react';
import { useBridgeCall } from '../common/use-bridge-call';
import { dueSerials, shownCode, shownError, type ShownCode } from './code-clock';

export function useLabCodes(serials: readonly string[], now: number): Readonly<Record<string, ShownCode | undefined>> {
  const [shown, setShown] = useState<Record<string, ShownCode>>({});
  const inFlight = useRef(new Set<string>());
  // Every failure is the device's own (shown on its card, asked again later): none reaches this report.
  const { run } = useBridgeCall(() => undefined);
  useEffect(() => {
    for (const serial of dueSerials(serials, shown, now, inFlight.current)) {
      inFlight.current.add(serial);
      const settle = (next: ShownCode) => {
        inFlight.current.delete(serial);
        setShown((previous) => ({ ...previous, [serial]: next }));
      };
      run(
        'Could not get the code',
        (api) => api.labDeviceCode({ serial }),
        (view) => settle(shownCode(view, Date.now())),
        (message) => settle(shownError(message, Date.now())),
      );
    }
  }, [serials, shown, now, run]);
  return shown;
}
