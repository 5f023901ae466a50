import { describe, expect, it } from 'vitest';
import { isCompleteCode, normalizeCode } from './code-input';

describe('normalizeCode', () => {
  it('accepts pasted codes with spaces or dashes', () => {
    expect(normalizeCode(' 123 456 ')).toEqual({ code: '123456', rejected: false });
    expect(normalizeCode('123-456')).toEqual({ code: '123456', rejected: false });
  });
  it('drops letters and says so, and keeps at most six digits', () => {
    expect(normalizeCode('12a3')).toEqual({ code: '123', rejected: true });
    expect(normalizeCode('1234567')).toEqual({ code: '123456', rejected: false });
  });
  it('calls a code complete only at six digits', () => {
    expect(isCompleteCode('12345')).toBe(false);
    expect(isCompleteCode('123456')).toBe(true);
  });
});
