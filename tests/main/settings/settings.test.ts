// Facilities and users through the real handlers: rights by role, validation, audit.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../../src/main/api';
import { toSessionUser } from '../../../src/main/auth/session';
import { createAppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { tempDir } from '../../helpers';
import { seededDatabase } from '../../fixtures/db';

function setup() {
  const dataDir = tempDir();
  seededDatabase(dataDir).db.close();
  const context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
  });
  return { context, handlers: createHandlers(context) };
}

const facility = {
  code: 'cse',
  name: 'EHPAD Le Clos Saint-Exupéry',
  kind: 'ehpad' as const,
  addressLine1: '3 rue des Lilas',
  addressLine2: '',
  postalCode: '44000',
  city: 'Nantes',
  phone: '',
  email: '',
  finess: '440012345',
  siret: '73282932000074',
  legalName: 'Association Les Tilleuls',
  billingAddress: '',
  iban: 'fr7630006000011234567890189',
  bic: 'agrifrpp',
  vatMention: 'Prestations exonérées de TVA',
};

describe('settings', () => {
  it('need a signed-in user, and accueil may read but not change facilities', async () => {
    const { context, handlers } = setup();
    expect(await call(handlers, 'facilities:details', {})).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    context.session.signIn(
      toSessionUser({
        id: 3,
        name: 'Karim Benali',
        initials: 'KB',
        login: 'accueil',
        role: 'accueil',
        email: null,
      }),
    );
    expect(await call(handlers, 'facilities:details', {})).toMatchObject({ ok: true });
    const refused = await call(handlers, 'facilities:save', { id: null, version: null, facility });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(handlers, 'users:list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    context.db.close();
  });

  it('save a facility with normalised identifiers, and explain a bad SIRET', async () => {
    const { context, handlers } = setup();
    context.session.signIn(
      toSessionUser({
        id: 2,
        name: 'Hélène Dubois',
        initials: 'HD',
        login: 'facturation',
        role: 'facturation',
        email: 'h@x.example',
      }),
    );
    const bad = await call(handlers, 'facilities:save', {
      id: null,
      version: null,
      facility: { ...facility, siret: '73282932000075' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [expect.stringContaining('SIRET invalide')] },
    });
    const saved = await call(handlers, 'facilities:save', { id: null, version: null, facility });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        code: 'CSE',
        iban: 'FR76 3000 6000 0112 3456 7890 189',
        bic: 'AGRIFRPP',
        version: 1,
      },
    });
    const duplicate = await call(handlers, 'facilities:save', {
      id: null,
      version: null,
      facility: { ...facility, code: 'TIL' },
    });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { details: ['Le code TIL est déjà pris par un autre établissement.'] },
    });
    context.db.close();
  });

  it('let the administrator add a user who can then sign in', async () => {
    const { context, handlers } = setup();
    context.session.signIn(
      toSessionUser({
        id: 1,
        name: 'Claire Martin',
        initials: 'CM',
        login: 'admin',
        role: 'admin',
        email: null,
      }),
    );
    const created = await call(handlers, 'users:save', {
      id: null,
      version: null,
      user: {
        name: 'Łucja Nowak',
        initials: 'ŁN',
        login: 'lnowak',
        role: 'accueil',
        email: 'lucja@x.example',
        active: true,
        password: 'Accueil-2026',
      },
    });
    expect(created).toMatchObject({
      ok: true,
      value: { login: 'lnowak', initials: 'ŁN', version: 1 },
    });
    const id = created.ok ? created.value.id : 0;
    expect(
      await call(handlers, 'auth:signIn', { userId: id, password: 'Accueil-2026' }),
    ).toMatchObject({
      ok: true,
      value: { name: 'Łucja Nowak', canSend: true, canChangeSettings: false },
    });
    expect(fs.existsSync(context.db.path)).toBe(true);
    context.db.close();
  });
});
