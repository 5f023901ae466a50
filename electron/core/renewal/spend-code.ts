// Asking for a code and sending it, the same for GetSessionToken and AssumeRole: never from a window already used
// for the device, the window recorded before sending, and freed again when AWS rejected the code as wrong.
import type { StsResult } from '../sts';
import type { Clock } from '../time/clock';
import { checkWindowFree, reserveCode } from './code-guard';
import { CodeEntryCancelled, type CodeRequest, type CodeSource, type RenewOutcome } from './types';

export async function spendCode<T>(
  context: { stateDir: string; clock: Clock },
  request: CodeRequest,
  codeSource: CodeSource,
  send: (code: string) => Promise<StsResult<T>>,
): Promise<{ ok: true; value: T } | RenewOutcome> {
  const { stateDir, clock } = context;
  const usedWindow = await checkWindowFree(stateDir, request.device, clock.now());
  if (usedWindow) return usedWindow;
  let code: string;
  try {
    code = (await codeSource.getCode(request)).trim();
  } catch (error) {
    if (error instanceof CodeEntryCancelled) return { kind: 'cancelled', category: 'user', message: error.message };
    throw error;
  }
  if (!/^\d{6}$/.test(code))
    return { kind: 'invalid-code-format', category: 'user', message: 'The MFA code must be exactly 6 digits.' };
  // The code's window is recorded before sending: once sent, AWS may have used it even if no answer comes.
  const reservation = await reserveCode(stateDir, request.device, code, clock.now());
  if ('kind' in reservation) return reservation;
  const result = await send(code);
  if (result.ok) return result;
  if (result.failure.kind === 'wrong-code' || result.failure.kind === 'invalid-code-format')
    await reservation.release();
  return result.failure;
}
