// Débours: expenses the facility advanced for a resident (coiffeur, pharmacie…), billed at cost
// on the next invoice. Reception records them; once a billing run has taken one (invoice_id
// set) it is part of that invoice and never changes here. The table has no version column, so
// a change is checked against the values the user saw: if another workstation changed them
// meanwhile, the user is told what changed and by whom rather than overwriting it.
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import { formatEuros } from '../../shared/money';
import { audit, diff, type Actor } from '../db/audit';
import { write } from '../db/tx';
import { loadStay, removed } from './billing-view';

export interface DeboursValues {
  date: string;
  label: string;
  amountCents: number;
}

export interface DeboursSave extends DeboursValues {
  residentId: number;
  id: number | null;
  /** The values the user started from; null for a new débours. */
  expected: DeboursValues | null;
}

interface DeboursRow {
  id: number;
  resident_id: number;
  date: string;
  label: string;
  amount_cents: number;
  invoice_id: number | null;
}

const labels: Record<keyof DeboursValues, string> = {
  date: 'Date',
  label: 'Libellé',
  amountCents: 'Montant',
};

const valuesOf = (row: DeboursRow): DeboursValues => ({
  date: row.date,
  label: row.label,
  amountCents: row.amount_cents,
});

/** The audit log keeps amounts as the user reads them. */
const audited = (v: DeboursValues) => ({ ...v, amountCents: formatEuros(v.amountCents) });

/** The débours as it stands, refused if invoiced or changed since the user saw it. */
function loadEditable(
  db: Database.Database,
  residentId: number,
  id: number,
  expected: DeboursValues | null,
): DeboursRow {
  const row = db.prepare('SELECT * FROM debours WHERE id = ?').get(id) as DeboursRow | undefined;
  if (!row || row.resident_id !== residentId) throw new PliError('NOT_FOUND');
  if (row.invoice_id !== null) throw new PliError('DEBOURS_INVOICED');
  const changes = diff(audited(expected ?? valuesOf(row)), audited(valuesOf(row)));
  if (Object.keys(changes).length > 0) {
    const last = db
      .prepare(
        `SELECT user_name, workstation FROM audit_log
          WHERE entity = 'debours' AND entity_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(id) as { user_name: string; workstation: string } | undefined;
    const who = last ? ` (${last.user_name}, poste ${last.workstation})` : '';
    throw new PliError(
      'RECORD_CHANGED',
      Object.entries(changes).map(
        ([field, [before, after]]) =>
          `${labels[field as keyof DeboursValues]} : ${String(before)} → ${String(after)}${who}`,
      ),
    );
  }
  return row;
}

/** Adds or changes a débours not yet invoiced; returns its id. */
export function saveDebours(db: Database.Database, actor: Actor, debours: DeboursSave): number {
  const values: DeboursValues = {
    date: debours.date,
    label: debours.label,
    amountCents: debours.amountCents,
  };
  return write(db, () => {
    loadStay(db, debours.residentId);
    if (debours.id === null) {
      const id = Number(
        db
          .prepare(
            `INSERT INTO debours (resident_id, date, label, amount_cents)
             VALUES (:resident, :date, :label, :amountCents)`,
          )
          .run({ resident: debours.residentId, ...values }).lastInsertRowid,
      );
      audit(db, actor, {
        entity: 'debours',
        entityId: id,
        action: 'create',
        changes: { residentId: [null, debours.residentId], ...diff({}, audited(values)) },
      });
      return id;
    }
    const row = loadEditable(db, debours.residentId, debours.id, debours.expected);
    const changes = diff(audited(valuesOf(row)), audited(values));
    if (Object.keys(changes).length === 0) return row.id;
    // invoice_id IS NULL again here: a billing run cannot take it between the check and this.
    db.prepare(
      `UPDATE debours SET date = :date, label = :label, amount_cents = :amountCents
        WHERE id = :id AND invoice_id IS NULL`,
    ).run({ ...values, id: row.id });
    audit(db, actor, { entity: 'debours', entityId: row.id, action: 'update', changes });
    return row.id;
  });
}

export function deleteDebours(
  db: Database.Database,
  actor: Actor,
  ref: { residentId: number; id: number; expected: DeboursValues },
): void {
  write(db, () => {
    const row = loadEditable(db, ref.residentId, ref.id, ref.expected);
    db.prepare('DELETE FROM debours WHERE id = ? AND invoice_id IS NULL').run(row.id);
    audit(db, actor, {
      entity: 'debours',
      entityId: row.id,
      action: 'delete',
      changes: { residentId: [ref.residentId, null], ...removed(audited(valuesOf(row))) },
    });
  });
}
