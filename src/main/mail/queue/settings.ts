// The association's default pace (Paramètres › Envoi des e-mails), one JSON value under the key
// 'mail_queue' in `association_settings`; every new batch copies it and may be adjusted.
import type Database from 'better-sqlite3';
import {
  DEFAULT_QUEUE_SETTINGS,
  queueSettingsSchema,
  type QueueSettings,
} from '../../../shared/contract';
import type { Actor } from '../../db/audit';
import { audit } from '../../db/audit';
import { write } from '../../db/tx';

const KEY = 'mail_queue';

export function loadQueueSettings(db: Database.Database): QueueSettings {
  const row = db.prepare('SELECT value FROM association_settings WHERE key = ?').get(KEY) as
    { value: string } | undefined;
  if (!row) return DEFAULT_QUEUE_SETTINGS;
  const parsed = queueSettingsSchema.safeParse({
    ...DEFAULT_QUEUE_SETTINGS,
    ...JSON.parse(row.value),
  });
  return parsed.success ? parsed.data : DEFAULT_QUEUE_SETTINGS;
}

export function saveQueueSettings(
  db: Database.Database,
  actor: Actor,
  settings: QueueSettings,
): QueueSettings {
  const value = queueSettingsSchema.parse(settings);
  write(db, () => {
    const before = loadQueueSettings(db);
    db.prepare(
      `INSERT INTO association_settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(KEY, JSON.stringify(value));
    audit(db, actor, {
      entity: 'mail_queue_settings',
      entityId: 0,
      action: 'update',
      changes: { before, after: value },
    });
  });
  return value;
}
