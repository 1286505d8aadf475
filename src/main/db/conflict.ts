// What changed on another workstation since a user opened a record, in their words: one line
// per field, with who changed it, from which workstation, and when.
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import { audit, diff, type Actor, type Changes } from './audit';

const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (value === true) return 'oui';
  if (value === false) return 'non';
  if (Array.isArray(value)) return value.length === 0 ? '(aucun)' : value.map(String).join(' ; ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function conflictDetails(
  db: Database.Database,
  entity: string,
  id: number,
  sinceVersion: number,
  labels: Record<string, string>,
): string[] {
  const entries = db
    .prepare(
      `SELECT user_name, workstation, at, changes FROM audit_log
        WHERE entity = ? AND entity_id = ? AND version > ? ORDER BY id`,
    )
    .all(entity, id, sinceVersion) as {
    user_name: string;
    workstation: string;
    at: string;
    changes: string;
  }[];
  return entries.flatMap((entry) => {
    const who = `${entry.user_name}, poste ${entry.workstation}, le ${timeFormat.format(new Date(entry.at))}`;
    const changes = JSON.parse(entry.changes) as Record<string, [unknown, unknown]>;
    return Object.entries(changes).map(
      ([field, [before, after]]) =>
        `${labels[field] ?? field} : ${describeValue(before)} → ${describeValue(after)} (${who})`,
    );
  });
}

/** Inside a write transaction: refuse a save made from an older version of the record. */
export function checkVersion(
  db: Database.Database,
  target: { entity: string; id: number; current: number; expected: number | null },
  labels: Record<string, string>,
): void {
  if (target.current !== target.expected) {
    throw new PliError(
      'RECORD_CHANGED',
      conflictDetails(db, target.entity, target.id, target.expected ?? 0, labels),
    );
  }
}

export interface VersionedUpdate {
  entity: string;
  id: number;
  /** The version in the file, read inside this transaction. */
  current: number;
  /** The version the user started editing from. */
  expected: number | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  labels: Record<string, string>;
  /** Changes the field diff cannot see (a new password). */
  extra?: Changes;
}

/**
 * The one way a shared record changes, inside the caller's write transaction: refuse a stale
 * version, run the caller's UPDATE only when something changed, and audit it with the new
 * version. Returns whether anything was written.
 */
export function updateVersioned(
  db: Database.Database,
  actor: Actor,
  update: VersionedUpdate,
  apply: () => void,
): boolean {
  checkVersion(db, update, update.labels);
  const changes = { ...diff(update.before, update.after), ...update.extra };
  if (Object.keys(changes).length === 0) return false;
  apply();
  audit(db, actor, {
    entity: update.entity,
    entityId: update.id,
    action: 'update',
    version: update.current + 1,
    changes,
  });
  return true;
}
