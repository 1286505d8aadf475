// Each facility's tariffs: the prix de journée and tarif dépendance (GIR 1-2, 3-4, 5-6) over
// dated periods, both days included, at most one tariff a day. A new tariff closes the one in
// force the day before it starts (the conseil départemental's yearly arrêté). A tariff whose
// dates meet the period of an issued invoice is locked: the invoice is immutable, so the price
// it was computed with must stay as it was. The table has no version column; a tariff's version
// is the one its latest audit entry recorded (1 for tariffs never changed through Pli), which
// keeps the usual version check without a migration.
import type Database from 'better-sqlite3';
import { PliError, type Tariff, type TariffFields } from '../../shared/contract';
import { formatDateFr, formatPeriodFr } from '../../shared/money';
import { audit, diff, type Actor } from '../db/audit';
import { checkVersion, updateVersioned } from '../db/conflict';
import { write } from '../db/tx';

export const tariffFieldLabels: Record<string, string> = {
  validFrom: 'À compter du',
  validTo: 'Jusqu’au',
  hebergementCents: 'Prix de journée (centimes)',
  dependanceGir12Cents: 'Dépendance GIR 1-2 (centimes)',
  dependanceGir34Cents: 'Dépendance GIR 3-4 (centimes)',
  dependanceGir56Cents: 'Dépendance GIR 5-6 (centimes)',
};

const VERSION = `COALESCE((SELECT MAX(a.version) FROM audit_log a
  WHERE a.entity = 'tariff' AND a.entity_id = t.id), 1)`;
/** Issued invoices of the facility whose month shares a day with [from, to] (SQL values). */
const issuedBetween = (from: string, to: string) =>
  `FROM invoices i WHERE i.facility_id = :facility AND i.status = 'issued'
     AND i.period >= substr(${from}, 1, 7) AND (${to} IS NULL OR i.period <= substr(${to}, 1, 7))`;

const COLUMNS = `t.id, t.facility_id AS facilityId, ${VERSION} AS version, t.valid_from AS validFrom,
  t.valid_to AS validTo, t.hebergement_cents AS hebergementCents,
  t.dependance_gir12_cents AS dependanceGir12Cents, t.dependance_gir34_cents AS dependanceGir34Cents,
  t.dependance_gir56_cents AS dependanceGir56Cents`;

type TariffRow = Omit<Tariff, 'locked' | 'deletable'>;

function fieldsOf(row: TariffRow): TariffFields {
  const { id: _id, facilityId: _facility, version: _version, ...fields } = row;
  return fields;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function describe(t: { validFrom: string; validTo: string | null }): string {
  const to = t.validTo === null ? 'sans date de fin' : `au ${formatDateFr(t.validTo)}`;
  return `Tarif du ${formatDateFr(t.validFrom)} ${to}`;
}

function issuedPeriods(db: Database.Database, facility: number, from: string, to: string | null) {
  return (
    db
      .prepare(`SELECT DISTINCT i.period ${issuedBetween(':from', ':to')} ORDER BY i.period`)
      .all({ facility, from, to }) as { period: string }[]
  ).map((r) => r.period);
}

/** Refuse a change to the days [from, to] when invoices of those months are issued. */
function ensureUnused(db: Database.Database, facility: number, from: string, to: string | null) {
  const periods = issuedPeriods(db, facility, from, to);
  if (periods.length === 0) return;
  const shown = periods.slice(0, 3).map(formatPeriodFr).join(', ');
  const more = periods.length > 3 ? ` et ${periods.length - 3} autre(s) mois` : '';
  throw new PliError('TARIFF_IN_USE', [`Factures déjà émises pour ${shown}${more}.`]);
}

function ensureNoOverlap(
  db: Database.Database,
  facility: number,
  range: { id: number | null; validFrom: string; validTo: string | null },
) {
  const others = db
    .prepare(
      `SELECT ${COLUMNS} FROM tariffs t WHERE t.facility_id = :facility AND t.id IS NOT :id
         AND (:to IS NULL OR t.valid_from <= :to) AND (t.valid_to IS NULL OR t.valid_to >= :from)
       ORDER BY t.valid_from`,
    )
    .all({ facility, id: range.id, from: range.validFrom, to: range.validTo }) as TariffRow[];
  if (others.length > 0) throw new PliError('TARIFF_OVERLAP', others.map(describe));
}

export function listTariffs(db: Database.Database, facilityId: number, today: string): Tariff[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, EXISTS (SELECT 1 ${issuedBetween('t.valid_from', 't.valid_to')}) AS used
       FROM tariffs t WHERE t.facility_id = :facility ORDER BY t.valid_from DESC`,
    )
    .all({ facility: facilityId }) as (TariffRow & { used: number })[];
  return rows.map(({ used, ...row }) => ({
    ...row,
    locked: used === 1,
    deletable: used === 0 && row.validFrom > today,
  }));
}

function load(db: Database.Database, id: number): TariffRow {
  const row = db.prepare(`SELECT ${COLUMNS} FROM tariffs t WHERE t.id = ?`).get(id) as
    TariffRow | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  return row;
}

function setEnd(db: Database.Database, actor: Actor, row: TariffRow, validTo: string | null) {
  const before = fieldsOf(row);
  const update = { entity: 'tariff', id: row.id, current: row.version, expected: row.version };
  const after = { ...before, validTo };
  updateVersioned(db, actor, { ...update, before, after, labels: tariffFieldLabels }, () => {
    db.prepare('UPDATE tariffs SET valid_to = ? WHERE id = ?').run(validTo, row.id);
  });
}

const PARAMS = `valid_from = :validFrom, valid_to = :validTo, hebergement_cents = :hebergementCents,
  dependance_gir12_cents = :dependanceGir12Cents, dependance_gir34_cents = :dependanceGir34Cents,
  dependance_gir56_cents = :dependanceGir56Cents`;

function create(db: Database.Database, actor: Actor, facility: number, fields: TariffFields) {
  const near = (op: '<' | '>', order: 'DESC' | 'ASC') =>
    db
      .prepare(
        `SELECT ${COLUMNS} FROM tariffs t WHERE t.facility_id = ? AND t.valid_from ${op} ?
         ORDER BY t.valid_from ${order} LIMIT 1`,
      )
      .get(facility, fields.validFrom) as TariffRow | undefined;
  const previous = near('<', 'DESC');
  const next = near('>', 'ASC');
  // Without an end date, the new tariff runs until the next one known starts.
  const validTo = fields.validTo ?? (next ? dayBefore(next.validFrom) : null);
  const tariff = { ...fields, validTo };
  if (previous && (previous.validTo === null || previous.validTo >= tariff.validFrom)) {
    ensureUnused(db, facility, tariff.validFrom, previous.validTo);
    setEnd(db, actor, previous, dayBefore(tariff.validFrom));
  }
  ensureNoOverlap(db, facility, { id: null, ...tariff });
  ensureUnused(db, facility, tariff.validFrom, tariff.validTo);
  const id = Number(
    db
      .prepare(
        `INSERT INTO tariffs (facility_id, valid_from, valid_to, hebergement_cents,
           dependance_gir12_cents, dependance_gir34_cents, dependance_gir56_cents)
         VALUES (:facility, :validFrom, :validTo, :hebergementCents, :dependanceGir12Cents,
           :dependanceGir34Cents, :dependanceGir56Cents)`,
      )
      .run({ facility, ...tariff }).lastInsertRowid,
  );
  // A rowid reused after a deletion keeps counting from its predecessor's audit entries.
  const { version } = db
    .prepare(
      `SELECT COALESCE(MAX(version), 0) + 1 AS version FROM audit_log
        WHERE entity = 'tariff' AND entity_id = ?`,
    )
    .get(id) as { version: number };
  audit(db, actor, {
    entity: 'tariff',
    entityId: id,
    action: 'create',
    version,
    changes: { facilityId: [null, facility], ...diff({}, tariff) },
  });
}

export function saveTariff(
  db: Database.Database,
  actor: Actor,
  request: { facilityId: number; id: number | null; version: number | null; tariff: TariffFields },
): void {
  const { facilityId: facility, tariff } = request;
  write(db, () => {
    if (!db.prepare('SELECT 1 FROM facilities WHERE id = ?').get(facility)) {
      throw new PliError('NOT_FOUND');
    }
    if (request.id === null) return create(db, actor, facility, tariff);
    const row = load(db, request.id);
    if (row.facilityId !== facility) throw new PliError('NOT_FOUND');
    const target = {
      entity: 'tariff',
      id: row.id,
      current: row.version,
      expected: request.version,
    };
    checkVersion(db, target, tariffFieldLabels);
    ensureUnused(db, facility, row.validFrom, row.validTo);
    ensureUnused(db, facility, tariff.validFrom, tariff.validTo);
    ensureNoOverlap(db, facility, { id: row.id, ...tariff });
    const change = { ...target, before: fieldsOf(row), after: tariff, labels: tariffFieldLabels };
    updateVersioned(db, actor, change, () => {
      db.prepare(`UPDATE tariffs SET ${PARAMS} WHERE id = :id`).run({ ...tariff, id: row.id });
    });
  });
}

/**
 * Deletes a tariff not yet in force and never used; the tariff before it, if it ended the day
 * before, takes over its days again, so deleting undoes adding.
 */
export function deleteTariff(
  db: Database.Database,
  actor: Actor,
  request: { id: number; version: number },
  today: string,
): number {
  return write(db, () => {
    const row = load(db, request.id);
    const target = {
      entity: 'tariff',
      id: row.id,
      current: row.version,
      expected: request.version,
    };
    checkVersion(db, target, tariffFieldLabels);
    ensureUnused(db, row.facilityId, row.validFrom, row.validTo);
    if (row.validFrom <= today) {
      throw new PliError('INVALID_INPUT', [
        `${describe(row)} est déjà en vigueur : seul un tarif à venir peut être supprimé. Modifiez plutôt ses montants ou ses dates.`,
      ]);
    }
    const previous = db
      .prepare(`SELECT ${COLUMNS} FROM tariffs t WHERE t.facility_id = ? AND t.valid_to = ?`)
      .get(row.facilityId, dayBefore(row.validFrom)) as TariffRow | undefined;
    db.prepare('DELETE FROM tariffs WHERE id = ?').run(row.id);
    audit(db, actor, {
      entity: 'tariff',
      entityId: row.id,
      action: 'delete',
      version: row.version + 1,
      changes: Object.fromEntries(Object.entries(fieldsOf(row)).map(([k, v]) => [k, [v, null]])),
    });
    if (previous) setEnd(db, actor, previous, row.validTo);
    return row.facilityId;
  });
}
