// The « Accusés de réception » settings in the shared file, under the key 'receipts' of
// `association_settings` (one JSON value with its version, saved version-checked and audited),
// and the shared cursor of the mailbox under 'receipts.cursor': its UIDVALIDITY, the last UID
// read, and the last check. No password here: it lives in each workstation's keychain.
import type Database from 'better-sqlite3';
import {
  DEFAULT_RECEIPT_SETTINGS,
  receiptSettingsSchema,
  type ReceiptCursor,
  type ReceiptSettings,
} from '../../../shared/contract';
import { parseSaved, readSettingValue, writeSettingValue } from '../../db/association-settings';
import type { Actor } from '../../db/audit';
import { updateVersioned } from '../../db/conflict';
import { write } from '../../db/tx';

const KEY = 'receipts';
const CURSOR_KEY = 'receipts.cursor';

const labels: Record<string, string> = {
  enabled: 'Lecture des accusés activée',
  host: 'Serveur IMAP',
  port: 'Port',
  security: 'Sécurité',
  username: 'Identifiant',
  folder: 'Dossier',
};

export interface ReceiptSettingsAt {
  version: number | null;
  settings: ReceiptSettings;
}

export function getReceiptSettings(db: Database.Database): ReceiptSettingsAt {
  const saved = readSettingValue(db, KEY);
  if (!saved) return { version: null, settings: DEFAULT_RECEIPT_SETTINGS };
  const { version, ...rest } = saved as { version: number };
  const settings = parseSaved(
    receiptSettingsSchema,
    DEFAULT_RECEIPT_SETTINGS,
    rest,
    'Réglages des accusés de réception illisibles dans la base.',
  );
  return { version, settings };
}

export function saveReceiptSettings(
  db: Database.Database,
  actor: Actor,
  request: { version: number | null; settings: ReceiptSettings },
): ReceiptSettingsAt {
  write(db, () => {
    const before = getReceiptSettings(db);
    const current = before.version ?? 0;
    updateVersioned(
      db,
      actor,
      {
        entity: 'receipt_settings',
        id: 0,
        current,
        expected: request.version ?? 0,
        before: before.settings,
        after: request.settings,
        labels,
      },
      () => {
        writeSettingValue(db, KEY, { version: current + 1, ...request.settings });
        // Another mailbox or folder: its UIDs mean nothing here, read it from the start.
        const same =
          before.settings.host === request.settings.host &&
          before.settings.username === request.settings.username &&
          before.settings.folder === request.settings.folder;
        if (!same) {
          const cursor = readCursor(db);
          writeSettingValue(db, CURSOR_KEY, { ...cursor, uidValidity: null, lastUid: 0 });
        }
      },
    );
  });
  return getReceiptSettings(db);
}

export interface StoredCursor extends Omit<ReceiptCursor, 'recorded'> {
  /** As a string: UIDVALIDITY is a 32-bit unsigned number, imapflow gives a bigint. */
  uidValidity: string | null;
  lastUid: number;
}

export function readCursor(db: Database.Database): StoredCursor {
  const saved = readSettingValue(db, CURSOR_KEY) as Partial<StoredCursor> | null;
  return {
    uidValidity: saved?.uidValidity ?? null,
    lastUid: saved?.lastUid ?? 0,
    lastCheckAt: saved?.lastCheckAt ?? null,
    lastCheckBy: saved?.lastCheckBy ?? null,
    lastError: saved?.lastError ?? null,
  };
}

export function publicCursor(db: Database.Database): ReceiptCursor {
  const { uidValidity: _v, lastUid: _u, ...shown } = readCursor(db);
  const { n } = db.prepare('SELECT count(*) AS n FROM mail_receipts').get() as { n: number };
  return { ...shown, recorded: n };
}

/**
 * Moves the cursor forward after a check. Two workstations may check at once: the later UID
 * wins, never a step back, and a new UIDVALIDITY (the folder was rebuilt) starts over.
 */
export function advanceCursor(
  db: Database.Database,
  update: {
    uidValidity: string | null;
    lastUid: number;
    at: string;
    by: string;
    error: string | null;
  },
): void {
  write(db, () => {
    const cursor = readCursor(db);
    const sameFolder = cursor.uidValidity === update.uidValidity;
    const lastUid =
      update.uidValidity === null
        ? cursor.lastUid
        : sameFolder
          ? Math.max(cursor.lastUid, update.lastUid)
          : update.lastUid;
    writeSettingValue(db, CURSOR_KEY, {
      uidValidity: update.uidValidity ?? cursor.uidValidity,
      lastUid,
      lastCheckAt: update.at,
      lastCheckBy: update.by,
      lastError: update.error,
    });
  });
}
