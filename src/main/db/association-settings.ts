// One row of `association_settings`, the shared file's key/value table of association-wide
// settings: a JSON value under its key. The table has no version column, so a versioned record
// keeps its version inside the value; read and write go through here so every setting stores
// its JSON the same way.
import type Database from 'better-sqlite3';
import type { ZodType } from 'zod';
import { PliError } from '../../shared/contract';

/** The JSON value saved under `key`, null when none was ever saved. */
export function readSettingValue(
  db: Database.Database,
  key: string,
): Record<string, unknown> | null {
  const row = db.prepare('SELECT value FROM association_settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Record<string, unknown>) : null;
}

export function writeSettingValue(db: Database.Database, key: string, json: unknown): void {
  db.prepare(
    `INSERT INTO association_settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, JSON.stringify(json));
}

/**
 * Saved values read by their schema. A field added by a later version of Pli takes its default
 * until the next save; values no schema accepts stop with `unreadable` (French) rather than
 * being replaced silently.
 */
export function parseSaved<T>(
  schema: ZodType<T>,
  defaults: object,
  values: Record<string, unknown>,
  unreadable: string,
): T {
  const parsed = schema.safeParse({ ...defaults, ...values });
  if (!parsed.success) throw new PliError('INTERNAL', [unreadable]);
  return parsed.data;
}
