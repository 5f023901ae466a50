import * as z from 'zod';
import { errorMessage } from '../../electron/shared/error-message';
import { faultSchema } from './faults';
import type { EmulatorControls } from './emulator-types';

// Test control for an emulator in another process (JSON over HTTP). Real AWS clients only POST to `/`.
export const ADMIN_PREFIX = '/__emulator/';

const clockSchema = z.object({ offsetMs: z.number().int() });

export interface AdminReply {
  status: number;
  body: unknown;
}

export function handleAdmin(emulator: EmulatorControls, method: string, path: string, body: string): AdminReply {
  const route = `${method} ${path.slice(ADMIN_PREFIX.length - 1)}`;
  const json = (): unknown => (body.trim() === '' ? {} : JSON.parse(body));
  try {
    switch (route) {
      case 'GET /calls':
        return { status: 200, body: Object.fromEntries(emulator.calls) };
      case 'DELETE /calls':
        emulator.calls.clear();
        return { status: 200, body: {} };
      case 'POST /faults':
        emulator.injectFault(faultSchema.parse(json()));
        return { status: 200, body: { pending: emulator.faults.pending } };
      case 'DELETE /faults':
        emulator.faults.clear();
        return { status: 200, body: {} };
      case 'GET /clock':
        return { status: 200, body: { nowMs: emulator.now(), offsetMs: emulator.clockOffsetMs } };
      case 'POST /clock':
        emulator.setClockOffset(clockSchema.parse(json()).offsetMs);
        return { status: 200, body: { nowMs: emulator.now(), offsetMs: emulator.clockOffsetMs } };
      default:
        return { status: 404, body: { error: `No admin route ${route}` } };
    }
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : errorMessage(error);
    return { status: 400, body: { error: message } };
  }
}
