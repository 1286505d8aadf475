import { describe, expect, it } from 'vitest';
import { errorMessages, PliError } from '../../../src/shared/contract';
import { dispatch, type Handlers } from '../../../src/main/api/dispatch';

const about = {
  version: '1.0.0',
  runtime: 'browser' as const,
  workstationName: 'Accueil-1',
  dataDir: '/data',
  databasePath: '/data/pli.sqlite',
  associationName: null,
  schemaVersion: null,
  latestSchemaVersion: 1,
};

/** Only the channels these tests call; dispatch never touches the others. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const status = { state: 'missing' as const, path: '/data/pli.sqlite' };
  return {
    'app:about': async () => about,
    'db:status': async () => status,
    'db:create': async () => status,
    ...overrides,
  } as Handlers;
}

describe('dispatch', () => {
  it('runs the handler with parsed input and returns its output', async () => {
    expect(await dispatch(handlers(), 'app:about', {})).toEqual({ ok: true, value: about });
  });

  it('refuses malformed input with INVALID_INPUT and French details, without calling the handler', async () => {
    let called = false;
    const result = await dispatch(
      handlers({ 'db:create': async () => ((called = true), { state: 'missing', path: '' }) }),
      'db:create',
      { kind: 42 },
    );
    expect(called).toBe(false);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: errorMessages.INVALID_INPUT },
    });
    if (!result.ok) expect(result.error.details?.[0]).toMatch(/^kind : .*attendu/);
  });

  it('refuses an unknown channel', async () => {
    const result = await dispatch(handlers(), 'shell:exec', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes a PliError through with its code', async () => {
    const result = await dispatch(
      handlers({
        'db:status': async () => {
          throw new PliError('DB_LOCKED');
        },
      }),
      'db:status',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'DB_LOCKED', message: errorMessages.DB_LOCKED },
    });
  });

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const logged: unknown[] = [];
    const result = await dispatch(
      handlers({
        'db:status': async () => {
          throw new Error('SMTP password is hunter2');
        },
      }),
      'db:status',
      {},
      (_message, error) => logged.push(error),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
  });

  it('refuses a handler output that breaks its schema', async () => {
    const result = await dispatch(
      handlers({ 'app:about': async () => ({ ...about, runtime: 'cli' }) as never }),
      'app:about',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
