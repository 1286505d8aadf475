// The association's email settings, one JSON value under the key 'mail' in
// `association_settings`, parsed by its schema whenever it is read. The key/value table has no
// version column, so the version travels inside the value; the audit log records the record as
// entity 'mail_settings' with id 0 (there is one per association), which lets a conflicting
// save list what another workstation changed, as every versioned record does.
import type Database from 'better-sqlite3';
import {
  DEFAULT_MAIL_SETTINGS,
  mailSettingsSchema,
  type MailSettings,
  type MailSettingsDetail,
} from '../../shared/contract';
import { parseSaved, readSettingValue, writeSettingValue } from '../db/association-settings';
import type { Actor } from '../db/audit';
import { updateVersioned } from '../db/conflict';
import { write } from '../db/tx';

const KEY = 'mail';
const ENTITY = 'mail_settings';
const ENTITY_ID = 0;

export const mailSettingsFieldLabels: Record<string, string> = {
  senderMode: 'Adresse d’envoi',
  associationAddress: 'Adresse de l’association',
  associationName: 'Nom affiché de l’association',
  replyTo: 'Adresse de réponse par défaut',
  bccSender: 'Copie cachée à l’expéditeur',
  requestReceipt: 'Demander un accusé de réception',
  maxMessageBytes: 'Taille maximale d’un message (octets)',
  warnFileBytes: 'Avertir au-delà de (octets par fichier)',
  allowedTypes: 'Types de fichiers autorisés',
};

function stored(db: Database.Database): { version: number; settings: MailSettings } | null {
  const saved = readSettingValue(db, KEY);
  if (!saved) return null;
  const { version, ...values } = saved as { version: number };
  const settings = parseSaved(
    mailSettingsSchema,
    DEFAULT_MAIL_SETTINGS,
    values,
    'Réglages d’envoi des e-mails illisibles dans la base.',
  );
  return { version, settings };
}

export function getMailSettings(db: Database.Database): MailSettingsDetail {
  const saved = stored(db);
  return saved ?? { version: null, settings: DEFAULT_MAIL_SETTINGS };
}

/** The settings that apply now (defaults when never saved). */
export function loadMailSettings(db: Database.Database): MailSettings {
  return getMailSettings(db).settings;
}

export function saveMailSettings(
  db: Database.Database,
  actor: Actor,
  request: { version: number | null; settings: MailSettings },
): MailSettingsDetail {
  write(db, () => {
    const saved = stored(db);
    const current = saved?.version ?? 0;
    const before = saved?.settings ?? DEFAULT_MAIL_SETTINGS;
    const after = request.settings;
    const store = () => writeSettingValue(db, KEY, { version: current + 1, ...after });
    const target = {
      entity: ENTITY,
      id: ENTITY_ID,
      current,
      expected: request.version ?? 0,
      before,
      after,
      labels: mailSettingsFieldLabels,
    };
    // A first save is checked against version 0: the page showed the defaults with version null.
    updateVersioned(db, actor, target, store);
  });
  return getMailSettings(db);
}
