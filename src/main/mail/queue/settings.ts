// The association's default pace (Paramètres › Envoi des e-mails), one JSON value under the key
// 'mail_queue' in `association_settings`; every new batch copies it and may be adjusted. The
// key/value table has no version column, so the version travels inside the value (as for the
// mail settings): a save made from an older page is refused with what the other one changed.
import type Database from 'better-sqlite3';
import {
  DEFAULT_QUEUE_SETTINGS,
  queueSettingsSchema,
  type QueueSettings,
  type QueueSettingsDetail,
} from '../../../shared/contract';
import { readSettingValue, writeSettingValue } from '../../db/association-settings';
import type { Actor } from '../../db/audit';
import { updateVersioned } from '../../db/conflict';
import { write } from '../../db/tx';

const KEY = 'mail_queue';
const ENTITY = 'mail_queue_settings';

export const queueSettingsFieldLabels: Record<string, string> = {
  intervalMs: 'Délai entre deux messages (ms)',
  pauseEvery: 'Pause après chaque groupe de',
  pauseMs: 'Durée de la pause (ms)',
  dailyCap: 'Plafond quotidien par compte',
};

function stored(db: Database.Database): { version: number; settings: QueueSettings } | null {
  const saved = readSettingValue(db, KEY);
  if (!saved) return null;
  // Values saved before the version was kept count as version 0.
  const { version = 0, ...values } = saved as { version?: number };
  const parsed = queueSettingsSchema.safeParse({ ...DEFAULT_QUEUE_SETTINGS, ...values });
  return { version, settings: parsed.success ? parsed.data : DEFAULT_QUEUE_SETTINGS };
}

export function getQueueSettings(db: Database.Database): QueueSettingsDetail {
  const saved = stored(db);
  return { ...(saved?.settings ?? DEFAULT_QUEUE_SETTINGS), version: saved?.version || null };
}

export function loadQueueSettings(db: Database.Database): QueueSettings {
  return stored(db)?.settings ?? DEFAULT_QUEUE_SETTINGS;
}

/** `expected` undefined: no version check (internal callers and tests that set the pace). */
export function saveQueueSettings(
  db: Database.Database,
  actor: Actor,
  settings: QueueSettings,
  expected?: number | null,
): QueueSettingsDetail {
  const after = queueSettingsSchema.parse(settings);
  write(db, () => {
    const saved = stored(db);
    const current = saved?.version ?? 0;
    const store = () => writeSettingValue(db, KEY, { version: current + 1, ...after });
    updateVersioned(
      db,
      actor,
      {
        entity: ENTITY,
        id: 0,
        current,
        expected: expected === undefined ? current : (expected ?? 0),
        before: saved?.settings ?? DEFAULT_QUEUE_SETTINGS,
        after,
        labels: queueSettingsFieldLabels,
      },
      store,
    );
  });
  return getQueueSettings(db);
}
