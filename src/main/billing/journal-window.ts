// The journal table at network scale (250,000 invoices): windows of rows anywhere in the list.
// The filtered, sorted ids are computed once — a snapshot, ~0.3 s at 250,000 invoices — and
// kept while the database is unchanged, so the total is its length and any window, the first
// or the last, reads only its own rows by id (a few ms). Paging with OFFSET instead re-sorted
// the whole list for every window (0.25 s at the start, 0.4 s at the end, measured on the
// large demo), and keyset paging cannot jump to the middle when the scrollbar is dragged.
import type Database from 'better-sqlite3';
import type { InvoiceWindow } from '../../shared/contract';
import {
  SELECT,
  filterParams,
  filterWhere,
  orderOf,
  withPayers,
  type JournalFilter,
  type Row,
} from './journal';

interface Snapshot {
  stamp: string;
  ids: Int32Array;
}

/** A few recent filter/sort combinations per connection (4 bytes an id: 1 MB at 250,000). */
const KEPT = 4;
const snapshots = new WeakMap<Database.Database, Map<string, Snapshot>>();

/**
 * Changes since the snapshot: `data_version` moves with other connections' commits (other
 * workstations, the mail queue), `total_changes()` with this connection's own writes.
 */
function stampOf(db: Database.Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${String(version)}:${String(own)}`;
}

function orderedIds(db: Database.Database, filter: JournalFilter): Int32Array {
  const key = JSON.stringify([
    filter.facilityId,
    filter.period,
    filter.residentId ?? null,
    filter.includeDrafts,
    filter.search.trim(),
    filter.envelope ?? null,
    filter.status ?? null,
    filter.sort ?? null,
  ]);
  const stamp = stampOf(db);
  let kept = snapshots.get(db);
  if (!kept) snapshots.set(db, (kept = new Map<string, Snapshot>()));
  const hit = kept.get(key);
  if (hit?.stamp === stamp) {
    // Most recently used last, so the oldest goes first below.
    kept.delete(key);
    kept.set(key, hit);
    return hit.ids;
  }
  const ids = Int32Array.from(
    db
      .prepare(
        `SELECT i.id FROM invoices i JOIN residents r ON r.id = i.resident_id
         WHERE ${filterWhere(filter)} ORDER BY ${orderOf(filter.sort)}`,
      )
      .pluck()
      .all(filterParams(filter)) as number[],
  );
  kept.delete(key);
  kept.set(key, { stamp, ids });
  for (const old of kept.keys()) {
    if (kept.size <= KEPT) break;
    kept.delete(old);
  }
  return ids;
}

/** `limit` rows from `offset` of the journal for `filter`, and how many rows there are. */
export function invoiceWindow(
  db: Database.Database,
  filter: JournalFilter,
  offset: number,
  limit: number,
): InvoiceWindow {
  // One read transaction: the snapshot and the rows it points at see the same database.
  return db.transaction(() => {
    const ids = orderedIds(db, filter);
    const slice = Array.from(ids.subarray(offset, offset + limit));
    if (slice.length === 0) return { total: ids.length, offset, rows: [] };
    const rows = db
      .prepare(`${SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(slice)) as Row[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ordered = slice.flatMap((id) => byId.get(id) ?? []);
    return { total: ids.length, offset, rows: withPayers(db, ordered) };
  })();
}
