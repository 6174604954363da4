import { describe, expect, it } from 'vitest';
import { UserError, toErrorPayload, fromErrorPayload } from '../../shared/errors.ts';

describe('error payloads', () => {
  it('carries a user error across a boundary with its code and message', () => {
    const back = fromErrorPayload(toErrorPayload(new UserError('not_found', 'No exhibit PX-9.')));
    expect(back).toBeInstanceOf(UserError);
    expect((back as UserError).code).toBe('not_found');
    expect(back.message).toBe('No exhibit PX-9.');
  });
  it('hides the detail of an internal error', () => {
    expect(toErrorPayload(new TypeError('x is undefined at /home/secret'))).toEqual({
      code: 'internal',
      message: 'An unexpected error occurred.',
    });
  });
});
