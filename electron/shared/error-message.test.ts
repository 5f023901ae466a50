import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('gives an Error its message, without the class name', () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
  });

  it('gives any other thrown value its string form', () => {
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
