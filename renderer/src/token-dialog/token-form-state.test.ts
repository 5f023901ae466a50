import { describe, expect, it } from 'vitest';
import type { RenewResult } from '../../../electron/shared/contract';
import {
  INITIAL_TOKEN_FORM,
  fieldTakesFocus,
  retryAt,
  retryCode,
  sendsItself,
  tokenFormReducer,
  type TokenFormEvent,
  type TokenFormState,
} from './token-form-state';

const TARGET = 'MyRepositoryAssumer';
const failure = (kind: RenewResult['kind'], extra: Partial<RenewResult> = {}): RenewResult => ({
  ok: false,
  kind,
  target: TARGET,
  message: 'm',
  ...extra,
});
const run = (...events: TokenFormEvent[]): TokenFormState => events.reduce(tokenFormReducer, INITIAL_TOKEN_FORM);

describe('tokenFormReducer', () => {
  it('keeps the digits of what was typed and says when it left characters out', () => {
    expect(run({ type: 'typed', raw: '123 456' })).toMatchObject({ code: '123456', hint: '' });
    expect(run({ type: 'typed', raw: '12a' })).toMatchObject({
      code: '12',
      hint: 'Only digits: letters and symbols were left out.',
    });
  });
  it('asks for all six digits when an incomplete code is submitted', () => {
    expect(run({ type: 'typed', raw: '12345' }, { type: 'incomplete' })).toMatchObject({
      code: '12345',
      hint: 'Type all 6 digits.',
      phase: { kind: 'editing' },
    });
  });
  it('shows a success once the renewal answers ok', () => {
    const renewed: RenewResult = { ok: true, kind: 'renewed', target: TARGET, message: 'Renewed.' };
    const state = run(
      { type: 'typed', raw: '123456' },
      { type: 'sent', code: '123456', lab: false },
      { type: 'answered', result: renewed, at: 1, clearCode: false },
    );
    expect(state.phase).toEqual({ kind: 'succeeded', result: renewed });
  });
  it('clears the field after an outcome whose advice says so, and remembers the code that failed', () => {
    const state = run(
      { type: 'typed', raw: '123456' },
      { type: 'sent', code: '123456', lab: false },
      { type: 'answered', result: failure('wrong-code'), at: 5, clearCode: true },
    );
    expect(state.code).toBe('');
    expect(state.phase).toEqual({ kind: 'failed', result: failure('wrong-code'), at: 5, code: '123456' });
  });
  it('reads a renewal that could not be sent as an unknown failure and keeps the code for Retry', () => {
    const state = run(
      { type: 'typed', raw: '123456' },
      { type: 'sent', code: '123456', lab: false },
      { type: 'rejected', target: TARGET, message: 'Could not renew: main is gone', at: 7 },
    );
    expect(state.code).toBe('123456');
    expect(state.phase).toEqual({
      kind: 'failed',
      result: failure('unknown', { message: 'Could not renew: main is gone' }),
      at: 7,
      code: '123456',
    });
    expect(retryCode(state)).toBe('123456');
  });
  it('ignores an answer when no renewal is under way', () => {
    expect(run({ type: 'answered', result: failure('wrong-code'), at: 1, clearCode: true })).toEqual(
      INITIAL_TOKEN_FORM,
    );
    expect(run({ type: 'rejected', target: TARGET, message: 'x', at: 1 })).toEqual(INITIAL_TOKEN_FORM);
  });
  it('remembers a lab-device attempt until the user types again', () => {
    const lab = run({ type: 'sent', code: '', lab: true });
    expect(lab.usingLab).toBe(true);
    expect(tokenFormReducer(lab, { type: 'typed', raw: '1' }).usingLab).toBe(false);
  });
});

describe('retryAt', () => {
  it('waits for the next window after "code already used", 30 s unless the result says otherwise', () => {
    expect(
      retryAt({
        kind: 'failed',
        result: failure('code-already-used', { retryAfterSeconds: 12 }),
        at: 1000,
        code: '123456',
      }),
    ).toBe(13_000);
    expect(retryAt({ kind: 'failed', result: failure('code-already-used'), at: 1000, code: '123456' })).toBe(31_000);
  });
  it('waits for nothing after any other outcome', () => {
    expect(retryAt({ kind: 'failed', result: failure('wrong-code'), at: 1000, code: '123456' })).toBe(0);
    expect(retryAt({ kind: 'editing' })).toBe(0);
  });
});

describe('sendsItself', () => {
  const complete = run({ type: 'typed', raw: '123456' });
  it('sends a complete code by itself', () => {
    expect(sendsItself(complete, false)).toBe(true);
    expect(sendsItself(run({ type: 'typed', raw: '12345' }), false)).toBe(false);
  });
  it('never while the next window is awaited or a renewal is under way', () => {
    expect(sendsItself(complete, true)).toBe(false);
    expect(sendsItself(tokenFormReducer(complete, { type: 'sent', code: '123456', lab: false }), false)).toBe(false);
  });
});

describe('retryCode', () => {
  it('prefers a complete code in the field over the one that failed', () => {
    const failed = run(
      { type: 'typed', raw: '111111' },
      { type: 'sent', code: '111111', lab: false },
      { type: 'answered', result: failure('service-error'), at: 1, clearCode: false },
    );
    expect(retryCode(tokenFormReducer(failed, { type: 'typed', raw: '222222' }))).toBe('222222');
    expect(retryCode(tokenFormReducer(failed, { type: 'typed', raw: '22' }))).toBe('111111');
  });
});

describe('fieldTakesFocus', () => {
  it('whenever the field can take a new code, except after the user used the lab device button', () => {
    expect(fieldTakesFocus({ kind: 'editing' }, false)).toBe(true);
    expect(fieldTakesFocus({ kind: 'failed', result: failure('wrong-code'), at: 1, code: '' }, false)).toBe(true);
    expect(fieldTakesFocus({ kind: 'failed', result: failure('busy'), at: 1, code: '' }, true)).toBe(false);
    expect(fieldTakesFocus({ kind: 'submitting', code: '123456' }, false)).toBe(false);
  });
});
