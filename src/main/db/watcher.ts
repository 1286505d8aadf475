// Makes other workstations' changes visible without a restart: polls SQLite's data_version
// (which moves when another connection commits) and reads the new audit-log rows, which every
// write adds in its own transaction. Local writes call poll() right away.
import type Database from 'better-sqlite3';
import type { EventBus } from '../events';

export const WATCH_INTERVAL_MS = 1000;

interface AuditRow {
  id: number;
  entity: string;
  entity_id: number | null;
  action: string;
  user_name: string;
  workstation: string;
  at: string;
}

export class ChangeWatcher {
  private lastAuditId: number;
  private dataVersion: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly events: EventBus,
  ) {
    this.lastAuditId = this.maxAuditId();
    this.dataVersion = this.currentDataVersion();
  }

  start(intervalMs = WATCH_INTERVAL_MS): void {
    this.timer = setInterval(() => {
      try {
        if (this.currentDataVersion() !== this.dataVersion) this.poll();
      } catch {
        // A share that blinks is retried at the next tick; the next call surfaces the error.
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Emits the audit rows written since the last poll, from any workstation. */
  poll(): void {
    this.dataVersion = this.currentDataVersion();
    const rows = this.db
      .prepare(
        'SELECT id, entity, entity_id, action, user_name, workstation, at FROM audit_log WHERE id > ? ORDER BY id LIMIT 500',
      )
      .all(this.lastAuditId) as AuditRow[];
    const last = rows.at(-1);
    if (!last) return;
    this.lastAuditId = last.id;
    this.events.emit('data:changed', {
      changes: rows.map((row) => ({
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        userName: row.user_name,
        workstation: row.workstation,
        at: row.at,
      })),
    });
  }

  private maxAuditId(): number {
    return (
      this.db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }
    ).id;
  }

  private currentDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}
