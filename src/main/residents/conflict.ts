// What changed on another workstation since a user opened a record, in their words: one line
// per field, with who changed it, from which workstation, and when.
import type Database from 'better-sqlite3';
import { describeValue, residentFieldLabels } from './labels';

const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

export function conflictDetails(
  db: Database.Database,
  entity: string,
  id: number,
  sinceVersion: number,
): string[] {
  const entries = db
    .prepare(
      `SELECT user_name, workstation, at, action, changes FROM audit_log
        WHERE entity = ? AND entity_id = ? AND version > ? ORDER BY id`,
    )
    .all(entity, id, sinceVersion) as {
    user_name: string;
    workstation: string;
    at: string;
    action: string;
    changes: string;
  }[];
  return entries.flatMap((entry) => {
    const who = `${entry.user_name}, poste ${entry.workstation}, le ${timeFormat.format(new Date(entry.at))}`;
    const changes = JSON.parse(entry.changes) as Record<string, [unknown, unknown]>;
    return Object.entries(changes).map(([field, [before, after]]) => {
      const label = residentFieldLabels[field] ?? field;
      return `${label} : ${describeValue(before)} → ${describeValue(after)} (${who})`;
    });
  });
}
