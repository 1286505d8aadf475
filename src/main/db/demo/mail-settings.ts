// The demo association's email settings, so that « Envoi groupé » can show a real preview (and
// later send to a test server): every message leaves from the association's one account, each
// facility signs with its own name and takes replies at its billing office. Saved through the
// settings module, so the value is the one Paramètres › Envoi des e-mails reads and audits.
import type Database from 'better-sqlite3';
import { DEFAULT_MAIL_SETTINGS } from '../../../shared/contract';
import { saveMailSettings } from '../../mail/settings';

export const DEMO_MAIL_ADDRESS = 'facturation@les-tilleuls.example';
const WORKSTATION = 'BUREAU-DIRECTION';

export function recordMailSettings(
  db: Database.Database,
  facilities: readonly { id: number; name: string; email: string }[],
): void {
  const admin = db
    .prepare("SELECT id, name FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")
    .get() as { id: number; name: string } | undefined;
  const actor = {
    userId: admin?.id ?? null,
    userName: admin?.name ?? '',
    workstation: WORKSTATION,
  };
  saveMailSettings(db, actor, {
    version: null,
    settings: {
      ...DEFAULT_MAIL_SETTINGS,
      senderMode: 'association',
      associationAddress: DEMO_MAIL_ADDRESS,
      associationName: 'Association Les Tilleuls',
    },
  });
  const identity = db.prepare('UPDATE facilities SET sender_name = ?, reply_to = ? WHERE id = ?');
  db.transaction(() => {
    for (const facility of facilities) {
      identity.run(`${facility.name} – Service facturation`, facility.email, facility.id);
    }
  }).immediate();
}
