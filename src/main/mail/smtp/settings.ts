// The sending server's settings in the shared file: the association's under the key 'smtp' of
// `association_settings`, a facility's own server (optional) under 'smtp.facility.<id>'. Each is
// one JSON value with its version inside, saved version-checked and audited (entity
// 'smtp_settings', id 0 for the association, the facility's id otherwise). No password here:
// those live in each workstation's keychain, as do OAuth refresh tokens. The OAuth application's
// identity (client ID, tenant, a Google desktop client's non-confidential secret) is here: every
// workstation needs it, so it lives in the JSON value and needed no migration.
import type Database from 'better-sqlite3';
import {
  DEFAULT_SMTP_SETTINGS,
  PliError,
  smtpSettingsSchema,
  type SmtpSettings,
} from '../../../shared/contract';
import { parseSaved, readSettingValue, writeSettingValue } from '../../db/association-settings';
import type { Actor } from '../../db/audit';
import { updateVersioned } from '../../db/conflict';
import { write } from '../../db/tx';

const ENTITY = 'smtp_settings';

export const smtpFieldLabels: Record<string, string> = {
  host: 'Serveur d’envoi',
  port: 'Port',
  security: 'Sécurité',
  auth: 'Identification',
  username: 'Identifiant',
  pinnedCertificate: 'Certificat accepté (empreinte SHA-256)',
  override: 'Serveur propre à l’établissement',
  oauth: 'Application Microsoft 365 / Google (ID client, tenant, adresses de connexion)',
};

const keyOf = (facilityId: number | null) =>
  facilityId === null ? 'smtp' : `smtp.facility.${facilityId}`;

interface Stored {
  version: number;
  /** Null: a facility that went back to the association's server. */
  settings: SmtpSettings | null;
}

function read(db: Database.Database, facilityId: number | null): Stored | null {
  const saved = readSettingValue(db, keyOf(facilityId));
  if (!saved) return null;
  const { version, inherit, ...values } = saved as { version: number; inherit?: boolean };
  if (inherit) return { version, settings: null };
  const settings = parseSaved(
    smtpSettingsSchema,
    DEFAULT_SMTP_SETTINGS,
    values,
    'Réglages du serveur d’envoi illisibles dans la base.',
  );
  return { version, settings };
}

export interface SmtpSettingsAt {
  facilityId: number | null;
  version: number | null;
  overridden: boolean;
  settings: SmtpSettings;
}

/** The settings as the page shows them at one level (a facility shows what applies to it). */
export function getSmtpSettings(db: Database.Database, facilityId: number | null): SmtpSettingsAt {
  const own = read(db, facilityId);
  if (facilityId !== null && !own?.settings) {
    return {
      facilityId,
      version: own?.version ?? null,
      overridden: false,
      settings: read(db, null)?.settings ?? DEFAULT_SMTP_SETTINGS,
    };
  }
  return {
    facilityId,
    version: own?.version ?? null,
    overridden: facilityId !== null,
    settings: own?.settings ?? DEFAULT_SMTP_SETTINGS,
  };
}

/** What a message of this facility (null: the association's) is sent with. */
export function smtpSettingsFor(db: Database.Database, facilityId: number | null): SmtpSettings {
  return getSmtpSettings(db, facilityId).settings;
}

/** The audit shows the certificate by its fingerprint, not its whole PEM. */
function auditable(settings: SmtpSettings | null): Record<string, unknown> {
  if (!settings) return { override: false };
  const { pinnedCertificate, ...rest } = settings;
  return { ...rest, pinnedCertificate: pinnedCertificate?.fingerprint256 ?? null, override: true };
}

export function saveSmtpSettings(
  db: Database.Database,
  actor: Actor,
  request: { facilityId: number | null; version: number | null; settings: SmtpSettings | null },
): SmtpSettingsAt {
  const { facilityId } = request;
  if (facilityId === null && request.settings === null) {
    throw new PliError('INVALID_INPUT', ['Le serveur de l’association ne peut pas être retiré.']);
  }
  write(db, () => {
    const saved = read(db, facilityId);
    const current = saved?.version ?? 0;
    const value =
      request.settings === null ? { inherit: true } : (request.settings as Record<string, unknown>);
    const store = () =>
      writeSettingValue(db, keyOf(facilityId), { version: current + 1, ...value });
    const before = saved ? saved.settings : facilityId === null ? DEFAULT_SMTP_SETTINGS : null;
    updateVersioned(
      db,
      actor,
      {
        entity: ENTITY,
        id: facilityId ?? 0,
        current,
        expected: request.version ?? 0,
        before: auditable(before),
        after: auditable(request.settings),
        labels: smtpFieldLabels,
      },
      store,
    );
  });
  return getSmtpSettings(db, facilityId);
}
