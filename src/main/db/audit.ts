// The audit log: who (user and workstation), when, what changed. Written in the same
// transaction as the change it records, so it is complete by construction; other
// workstations read it as their change feed.
import type Database from 'better-sqlite3';

export interface Actor {
  userId: number | null;
  userName: string;
  workstation: string;
}

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  entity: string;
  entityId: number | null;
  action: string;
  version?: number | null;
  changes?: Changes | Record<string, unknown>;
}

export function audit(db: Database.Database, actor: Actor, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (at, user_id, user_name, workstation, entity, entity_id, action, version, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    actor.userId,
    actor.userName,
    actor.workstation,
    entry.entity,
    entry.entityId,
    entry.action,
    entry.version ?? null,
    JSON.stringify(entry.changes ?? {}),
  );
}

/** Field-by-field differences between two versions of a record, for the audit log. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = [before[key] ?? null, after[key] ?? null];
    }
  }
  return changes;
}
