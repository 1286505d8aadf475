// A facility's own sending server on a real file: it applies to that facility only, the page
// sees it as overridden, removing it brings back the association's server (the association's
// own cannot be removed), and a save from an older page is refused.
import { describe, expect, it } from 'vitest';
import {
  getSmtpSettings,
  saveSmtpSettings,
  smtpSettingsFor,
} from '../../../../src/main/mail/smtp/settings';
import { DEFAULT_SMTP_SETTINGS, PliError } from '../../../../src/shared/contract';
import { actor, seededDatabase } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';

const admin = actor('POSTE-ADMIN', 1, 'Claire Martin');
const association = {
  ...DEFAULT_SMTP_SETTINGS,
  host: 'smtp.orange.fr',
  port: 465,
  security: 'tls' as const,
  username: 'factures@coeur-de-loire.example',
};
const own = {
  ...association,
  host: 'mail.tilleuls.example',
  port: 587,
  security: 'starttls' as const,
};

function code(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
}

describe('a facility’s own sending server', () => {
  it('overrides the association’s for that facility only, and can be removed', () => {
    const { db } = seededDatabase(tempDir());
    saveSmtpSettings(db, admin, { facilityId: null, version: null, settings: association });
    expect(getSmtpSettings(db, 1)).toMatchObject({ overridden: false, version: null });

    const saved = saveSmtpSettings(db, admin, { facilityId: 1, version: null, settings: own });
    expect(saved).toMatchObject({ facilityId: 1, overridden: true, version: 1, settings: own });
    expect(smtpSettingsFor(db, 1)).toEqual(own);
    expect(smtpSettingsFor(db, 2)).toEqual(association);
    expect(smtpSettingsFor(db, null)).toEqual(association);

    // A page still showing version 0 cannot remove what another one just set.
    expect(
      code(() => saveSmtpSettings(db, admin, { facilityId: 1, version: null, settings: null })),
    ).toBe('RECORD_CHANGED');
    const removed = saveSmtpSettings(db, admin, { facilityId: 1, version: 1, settings: null });
    expect(removed).toMatchObject({ overridden: false, version: 2, settings: association });
    expect(smtpSettingsFor(db, 1)).toEqual(association);

    // Given again from the version the removal left.
    expect(
      saveSmtpSettings(db, admin, { facilityId: 1, version: 2, settings: own }).overridden,
    ).toBe(true);
    expect(
      code(() => saveSmtpSettings(db, admin, { facilityId: null, version: 1, settings: null })),
    ).toBe('INVALID_INPUT');
  });
});
