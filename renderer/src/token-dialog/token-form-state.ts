// The token form's state and how it moves: typing, sending, the answer. Pure, so its rules are unit-tested;
// use-token-form.ts adds the bridge calls, the countdown timer, focus and keys.
import type { RenewResult } from '../../../electron/shared/contract';
import { CODE_LENGTH, isCompleteCode, normalizeCode } from './code-input';

export type Phase =
  | { kind: 'editing' }
  | { kind: 'submitting'; code: string }
  | { kind: 'failed'; result: RenewResult; at: number; code: string }
  | { kind: 'succeeded'; result: RenewResult };

export interface TokenFormState {
  code: string;
  /** What the field says under it: why characters were left out, or that digits are missing. */
  hint: string;
  phase: Phase;
  /** The last attempt was the lab device's: focus stays on its button. */
  usingLab: boolean;
}

export const INITIAL_TOKEN_FORM: TokenFormState = { code: '', hint: '', phase: { kind: 'editing' }, usingLab: false };

export type TokenFormEvent =
  | { type: 'typed'; raw: string }
  | { type: 'incomplete' }
  /** A renewal went out: with the typed code, or with the lab device's (code ''). */
  | { type: 'sent'; code: string; lab: boolean }
  /** `clearCode` from the outcome's advice (advice.ts): a wrong or used code leaves the field. */
  | { type: 'answered'; result: RenewResult; at: number; clearCode: boolean }
  /** The renewal call itself failed (IPC): an unknown outcome whose code stays for Retry. */
  | { type: 'rejected'; target: string; message: string; at: number };

export function tokenFormReducer(state: TokenFormState, event: TokenFormEvent): TokenFormState {
  switch (event.type) {
    case 'typed': {
      const { code, rejected } = normalizeCode(event.raw);
      return {
        ...state,
        code,
        hint: rejected ? 'Only digits: letters and symbols were left out.' : '',
        usingLab: false,
      };
    }
    case 'incomplete':
      return { ...state, hint: `Type all ${CODE_LENGTH} digits.` };
    case 'sent':
      return { ...state, phase: { kind: 'submitting', code: event.code }, usingLab: event.lab || state.usingLab };
    case 'answered':
      if (state.phase.kind !== 'submitting') return state;
      if (event.result.ok) return { ...state, phase: { kind: 'succeeded', result: event.result } };
      return {
        ...state,
        code: event.clearCode ? '' : state.code,
        phase: { kind: 'failed', result: event.result, at: event.at, code: state.phase.code },
      };
    case 'rejected': {
      if (state.phase.kind !== 'submitting') return state;
      const result: RenewResult = { ok: false, kind: 'unknown', target: event.target, message: event.message };
      return { ...state, phase: { kind: 'failed', result, at: event.at, code: state.phase.code } };
    }
  }
}

/** When a new code may be sent after "code already used" (0 when nothing is awaited). */
export function retryAt(phase: Phase): number {
  return phase.kind === 'failed' && phase.result.kind === 'code-already-used'
    ? phase.at + (phase.result.retryAfterSeconds ?? 30) * 1000
    : 0;
}

/** A complete code sends itself, unless a renewal is under way or the next 30-s window is still awaited. */
export function sendsItself(state: TokenFormState, waiting: boolean): boolean {
  return isCompleteCode(state.code) && !waiting && state.phase.kind !== 'submitting';
}

/** Retry sends the code in the field if it is complete, else the code that failed. */
export function retryCode(state: TokenFormState): string {
  if (isCompleteCode(state.code) || state.phase.kind !== 'failed') return state.code;
  return state.phase.code;
}

/** The field takes focus whenever it can take a new code, unless the user acted on the lab device's button. */
export function fieldTakesFocus(phase: Phase, usingLab: boolean): boolean {
  return phase.kind === 'editing' || (phase.kind === 'failed' && !usingLab);
}
