// GIR evaluations from the day they apply. The billing run reads resident_gir_history (and,
// for a resident without history, the record's GIR since admission); residents.gir stays the
// latest evaluation, for lists. The first change of a resident without history first records
// the GIR they had since admission, so the months before the change still bill the old GIR.
import type Database from 'better-sqlite3';
import { audit, type Actor } from '../db/audit';
import { write } from '../db/tx';
import { loadStay } from './billing-view';

export interface GirChange {
  residentId: number;
  admissionDate: string;
  /** The GIR on the record before this change. */
  previousGir: number | null;
  gir: number;
  validFrom: string;
}

/**
 * Inside the caller's write transaction: records an evaluation (replacing one from the same
 * day) and returns the latest evaluation's GIR, which the record must then show.
 */
export function recordGirChange(db: Database.Database, actor: Actor, change: GirChange): number {
  const { n } = db
    .prepare('SELECT count(*) AS n FROM resident_gir_history WHERE resident_id = ?')
    .get(change.residentId) as { n: number };
  const insert = db.prepare(
    `INSERT INTO resident_gir_history (resident_id, valid_from, gir) VALUES (?, ?, ?)
     ON CONFLICT (resident_id, valid_from) DO UPDATE SET gir = excluded.gir`,
  );
  const recorded: string[] = [];
  if (n === 0 && change.previousGir !== null && change.validFrom > change.admissionDate) {
    insert.run(change.residentId, change.admissionDate, change.previousGir);
    recorded.push(`GIR ${change.previousGir} à compter du ${change.admissionDate}`);
  }
  insert.run(change.residentId, change.validFrom, change.gir);
  recorded.push(`GIR ${change.gir} à compter du ${change.validFrom}`);
  audit(db, actor, {
    entity: 'resident_gir',
    entityId: change.residentId,
    action: 'evaluate',
    changes: { evaluations: recorded },
  });
  const latest = db
    .prepare(
      `SELECT gir FROM resident_gir_history WHERE resident_id = ?
        ORDER BY valid_from DESC LIMIT 1`,
    )
    .get(change.residentId) as { gir: number };
  return latest.gir;
}

/**
 * gir:save — adds an evaluation from a date, and brings the record's GIR to the latest one
 * (a versioned, audited change of the resident, so an open form elsewhere hears of it).
 */
export function addGirEvaluation(
  db: Database.Database,
  actor: Actor,
  evaluation: { residentId: number; validFrom: string; gir: number },
): void {
  write(db, () => {
    const stay = loadStay(db, evaluation.residentId);
    const latest = recordGirChange(db, actor, {
      ...evaluation,
      admissionDate: stay.admission_date,
      previousGir: stay.gir,
    });
    if (latest === stay.gir) return;
    const { version } = db
      .prepare('SELECT version FROM residents WHERE id = ?')
      .get(evaluation.residentId) as { version: number };
    db.prepare(
      'UPDATE residents SET gir = ?, version = version + 1, updated_at = ? WHERE id = ?',
    ).run(latest, new Date().toISOString(), stay.id);
    audit(db, actor, {
      entity: 'resident',
      entityId: stay.id,
      action: 'update',
      version: version + 1,
      changes: { gir: [stay.gir, latest] },
    });
  });
}
