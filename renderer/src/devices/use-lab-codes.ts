// The current code of every ready lab device, fetched from main when its window ends. Driven by the view's one
// clock (useLiveNow), which stops while the window is hidden: no fetching in the tray.
import { useEffect, useRef, useState } from 'react';
import { bridge } from '../common/bridge';
import { dueSerials, shownCode, shownError, type ShownCode } from './code-clock';

export function useLabCodes(serials: readonly string[], now: number): Readonly<Record<string, ShownCode | undefined>> {
  const [shown, setShown] = useState<Record<string, ShownCode>>({});
  const inFlight = useRef(new Set<string>());
  useEffect(() => {
    for (const serial of dueSerials(serials, shown, now, inFlight.current)) {
      inFlight.current.add(serial);
      bridge()
        .labDeviceCode({ serial })
        .then(
          (view) => shownCode(view, Date.now()),
          (error: unknown) => shownError(error instanceof Error ? error.message : String(error), Date.now()),
        )
        .then((next) => {
          inFlight.current.delete(serial);
          setShown((previous) => ({ ...previous, [serial]: next }));
        });
    }
  }, [serials, shown, now]);
  return shown;
}
