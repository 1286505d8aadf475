import { describe, expect, it } from 'vitest';
import {
  channelNames,
  channels,
  errorCodes,
  errorMessages,
  eventNames,
  isChannel,
  PliError,
} from '../../src/shared/contract';

describe('contract', () => {
  it('names every channel domain:verb', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
  });

  it('gives every error code a French message that says what to do', () => {
    for (const code of errorCodes) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      const message = errorMessages[code];
      expect(message.length).toBeGreaterThan(30);
      // French typography and no English leftovers such as "error" or "failed".
      expect(message).not.toMatch(/\b(error|failed|invalid)\b/i);
    }
  });

  it('does not treat inherited object keys as channels', () => {
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel('db:create')).toBe(true);
  });

  it('refuses extra or malformed fields in inputs', () => {
    expect(channels['db:create'].input.safeParse({ kind: 'demo' }).success).toBe(true);
    expect(channels['db:create'].input.safeParse({ kind: 'démo' }).success).toBe(false);
    expect(channels['db:create'].input.safeParse({ kind: 'demo', path: '/etc' }).success).toBe(
      false,
    );
    expect(channels['app:about'].input.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('carries code and French message on PliError', () => {
    const error = new PliError('DB_LOCKED');
    expect(error.toWire()).toEqual({ code: 'DB_LOCKED', message: errorMessages.DB_LOCKED });
  });
});
