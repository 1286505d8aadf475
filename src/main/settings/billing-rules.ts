// Each facility's billing rules (règlement de fonctionnement): how many hours of absence are
// billed in full, the daily reduction after that (forfait journalier hospitalier), whether
// dépendance is billed while away, and the payment delay. A facility without a row bills with
// DEFAULT_BILLING_RULES; the first save creates the row. Version-checked and audited.
import type Database from 'better-sqlite3';
import { PliError, type BillingRulesDetail, type BillingRulesFields } from '../../shared/contract';
import { loadBillingRules } from '../billing/inputs';
import { audit, diff, type Actor } from '../db/audit';
import { checkVersion, updateVersioned } from '../db/conflict';
import { write } from '../db/tx';

export const billingRulesFieldLabels: Record<string, string> = {
  hospitalisationThresholdHours: 'Seuil d’hospitalisation (heures)',
  hospitalisationReductionCents: 'Réduction par jour d’hospitalisation (centimes)',
  personalLeaveThresholdHours: 'Seuil d’absence pour convenances personnelles (heures)',
  personalLeaveReductionCents: 'Réduction par jour d’absence personnelle (centimes)',
  billDependanceDuringAbsence: 'Facturer la dépendance pendant les absences',
  dueDays: 'Délai de paiement (jours)',
};

function ensureFacility(db: Database.Database, facilityId: number): void {
  if (!db.prepare('SELECT 1 FROM facilities WHERE id = ?').get(facilityId)) {
    throw new PliError('NOT_FOUND');
  }
}

function savedVersion(db: Database.Database, facilityId: number): number | null {
  const row = db
    .prepare('SELECT version FROM billing_rules WHERE facility_id = ?')
    .get(facilityId) as { version: number } | undefined;
  return row?.version ?? null;
}

export function getBillingRules(db: Database.Database, facilityId: number): BillingRulesDetail {
  ensureFacility(db, facilityId);
  return {
    facilityId,
    version: savedVersion(db, facilityId),
    ...loadBillingRules(db, facilityId),
  };
}

const VALUES = {
  hospitalisation_threshold_hours: 'hospitalisationThresholdHours',
  hospitalisation_reduction_cents: 'hospitalisationReductionCents',
  personal_leave_threshold_hours: 'personalLeaveThresholdHours',
  personal_leave_reduction_cents: 'personalLeaveReductionCents',
  bill_dependance_during_absence: 'billDependance',
  due_days: 'dueDays',
} as const;
const COLUMNS = Object.keys(VALUES).join(', ');
const PLACEHOLDERS = Object.values(VALUES)
  .map((v) => `:${v}`)
  .join(', ');
const ASSIGNMENTS = Object.entries(VALUES)
  .map(([column, v]) => `${column} = :${v}`)
  .join(', ');

export function saveBillingRules(
  db: Database.Database,
  actor: Actor,
  request: { facilityId: number; version: number | null; rules: BillingRulesFields },
): BillingRulesDetail {
  const { facilityId, rules } = request;
  const params = {
    ...rules,
    billDependance: rules.billDependanceDuringAbsence ? 1 : 0,
    facilityId,
  };
  write(db, () => {
    ensureFacility(db, facilityId);
    const target = {
      entity: 'billing_rules',
      id: facilityId,
      // 0: never saved, the defaults apply (what a page showing defaults sends as null).
      current: savedVersion(db, facilityId) ?? 0,
      expected: request.version ?? 0,
    };
    const { dueDays, ...current } = loadBillingRules(db, facilityId);
    const before = { ...current, dueDays };
    if (target.current === 0) {
      checkVersion(db, target, billingRulesFieldLabels);
      db.prepare(
        `INSERT INTO billing_rules (facility_id, ${COLUMNS}) VALUES (:facilityId, ${PLACEHOLDERS})`,
      ).run(params);
      audit(db, actor, {
        entity: 'billing_rules',
        entityId: facilityId,
        action: 'create',
        version: 1,
        changes: diff(before, rules),
      });
      return;
    }
    const change = { ...target, before, after: rules, labels: billingRulesFieldLabels };
    updateVersioned(db, actor, change, () => {
      db.prepare(
        `UPDATE billing_rules SET ${ASSIGNMENTS}, version = version + 1 WHERE facility_id = :facilityId`,
      ).run(params);
    });
  });
  return getBillingRules(db, facilityId);
}
