// Test helper, run as its own process: takes the device lock of argv's state folder and device, says "held", and
// keeps it until killed (as a `mfa-tray renew` waiting for its code does).
import { withDeviceLock } from '../../electron/core/app-state/device-lock';

const [stateDir, device] = process.argv.slice(2);
if (stateDir === undefined || device === undefined) throw new Error('usage: device-lock-holder <stateDir> <device>');
await withDeviceLock(stateDir, device, () => {
  process.stdout.write('held\n');
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
});
