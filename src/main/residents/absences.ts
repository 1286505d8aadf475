// Absences of a resident (hospitalisation, convenances personnelles), recorded by reception.
// Each save is one write transaction that checks the version the user started from, keeps the
// absence inside the stay and apart from the resident's other absences, and is audited.
// An absence may fall in a month already invoiced: the issued invoice stays as it is (rule 3);
// the office corrects it with an avoir if needed.
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import type { AbsenceKind } from '../billing/compute';
import { audit, diff, type Actor } from '../db/audit';
import { checkVersion } from '../db/conflict';
import { write } from '../db/tx';
import { loadStay, removed } from './billing-view';

export const absenceKindLabels: Record<AbsenceKind, string> = {
  hospitalisation: 'Hospitalisation',
  convenances_personnelles: 'Convenances personnelles',
};
const labels = { kind: 'Type d’absence', startDate: 'Premier jour', endDate: 'Dernier jour' };

export interface AbsenceSave {
  residentId: number;
  id: number | null;
  version: number | null;
  kind: AbsenceKind;
  startDate: string;
  endDate: string | null;
}

interface AbsenceRow {
  id: number;
  resident_id: number;
  version: number;
  kind: AbsenceKind;
  start_date: string;
  end_date: string | null;
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function snapshot(a: { kind: AbsenceKind; startDate: string; endDate: string | null }) {
  return { kind: absenceKindLabels[a.kind], startDate: a.startDate, endDate: a.endDate };
}

function loadAbsence(db: Database.Database, residentId: number, id: number): AbsenceRow {
  const row = db.prepare('SELECT * FROM absences WHERE id = ?').get(id) as AbsenceRow | undefined;
  if (!row || row.resident_id !== residentId) throw new PliError('NOT_FOUND');
  return row;
}

/** Inside the stay: from admission to the day before discharge. */
function checkInsideStay(db: Database.Database, absence: AbsenceSave): void {
  const stay = loadStay(db, absence.residentId);
  const last = absence.endDate ?? absence.startDate;
  const before = absence.startDate < stay.admission_date;
  const after = stay.discharge_date !== null && last >= stay.discharge_date;
  if (before || after) {
    const until = stay.discharge_date ? ` ; sortie le ${frDate(stay.discharge_date)}` : '';
    throw new PliError('ABSENCE_OUTSIDE_STAY', [
      `Entrée le ${frDate(stay.admission_date)}${until}.`,
    ]);
  }
}

function checkNoOverlap(db: Database.Database, absence: AbsenceSave): void {
  const others = db
    .prepare(
      `SELECT kind, start_date, end_date FROM absences
        WHERE resident_id = :resident AND id IS NOT :id
          AND start_date <= COALESCE(:end, '9999-12-31')
          AND COALESCE(end_date, '9999-12-31') >= :start`,
    )
    .all({
      resident: absence.residentId,
      id: absence.id,
      start: absence.startDate,
      end: absence.endDate,
    }) as { kind: AbsenceKind; start_date: string; end_date: string | null }[];
  if (others.length > 0) {
    throw new PliError(
      'ABSENCE_OVERLAP',
      others.map(
        (o) =>
          `${absenceKindLabels[o.kind]} du ${frDate(o.start_date)} ${
            o.end_date ? `au ${frDate(o.end_date)}` : '(en cours)'
          }`,
      ),
    );
  }
}

/** Adds or changes an absence; returns its id. */
export function saveAbsence(db: Database.Database, actor: Actor, absence: AbsenceSave): number {
  return write(db, () => {
    const existing = absence.id === null ? null : loadAbsence(db, absence.residentId, absence.id);
    if (existing) {
      checkVersion(
        db,
        {
          entity: 'absence',
          id: existing.id,
          current: existing.version,
          expected: absence.version,
        },
        labels,
      );
    }
    checkInsideStay(db, absence);
    checkNoOverlap(db, absence);
    const params = {
      resident: absence.residentId,
      kind: absence.kind,
      start: absence.startDate,
      end: absence.endDate,
    };
    if (!existing) {
      const id = Number(
        db
          .prepare(
            `INSERT INTO absences (resident_id, kind, start_date, end_date, created_at)
             VALUES (:resident, :kind, :start, :end, :now)`,
          )
          .run({ ...params, now: new Date().toISOString() }).lastInsertRowid,
      );
      audit(db, actor, {
        entity: 'absence',
        entityId: id,
        action: 'create',
        version: 1,
        changes: { residentId: [null, absence.residentId], ...diff({}, snapshot(absence)) },
      });
      return id;
    }
    const before = snapshot({
      kind: existing.kind,
      startDate: existing.start_date,
      endDate: existing.end_date,
    });
    const changes = diff(before, snapshot(absence));
    if (Object.keys(changes).length === 0) return existing.id;
    db.prepare(
      `UPDATE absences SET kind = :kind, start_date = :start, end_date = :end, version = version + 1
        WHERE id = :id`,
    ).run({ ...params, id: existing.id });
    audit(db, actor, {
      entity: 'absence',
      entityId: existing.id,
      action: 'update',
      version: existing.version + 1,
      changes,
    });
    return existing.id;
  });
}

export function deleteAbsence(
  db: Database.Database,
  actor: Actor,
  ref: { residentId: number; id: number; version: number },
): void {
  write(db, () => {
    const existing = loadAbsence(db, ref.residentId, ref.id);
    checkVersion(
      db,
      { entity: 'absence', id: existing.id, current: existing.version, expected: ref.version },
      labels,
    );
    db.prepare('DELETE FROM absences WHERE id = ?').run(existing.id);
    audit(db, actor, {
      entity: 'absence',
      entityId: existing.id,
      action: 'delete',
      version: existing.version + 1,
      changes: {
        residentId: [ref.residentId, null],
        ...removed(
          snapshot({
            kind: existing.kind,
            startDate: existing.start_date,
            endDate: existing.end_date,
          }),
        ),
      },
    });
  });
}
