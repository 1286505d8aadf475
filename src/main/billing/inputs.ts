// Reads what computeInvoice needs for every resident of a facility present in a period: one
// query per table for the whole facility (a few hundred residents must not mean a few
// thousand round trips to a file on a network share), all inside one read transaction so
// another workstation's save cannot land between two of the queries.
import type Database from 'better-sqlite3';
import { isoOfDay, monthRange } from './calendar';
import type { AbsenceKind, BillingInput, BillingRules, TariffPeriod } from './compute';

/** The facility's rules, with the due delay invoices get from the billing run. */
export interface FacilityBillingRules extends BillingRules {
  dueDays: number;
}

/** Migration 3's column defaults: a facility without a billing_rules row gets these. */
export const DEFAULT_BILLING_RULES: FacilityBillingRules = {
  hospitalisationThresholdHours: 72,
  hospitalisationReductionCents: 2000,
  personalLeaveThresholdHours: 72,
  personalLeaveReductionCents: 0,
  billDependanceDuringAbsence: false,
  dueDays: 15,
};

export interface ResidentBilling {
  residentId: number;
  /** The débours rows totalled in `input`, to link to the invoice once it is saved. */
  deboursIds: number[];
  input: BillingInput;
}

interface RulesRow {
  hospitalisation_threshold_hours: number;
  hospitalisation_reduction_cents: number;
  personal_leave_threshold_hours: number;
  personal_leave_reduction_cents: number;
  bill_dependance_during_absence: number;
  due_days: number;
}

export function loadBillingRules(db: Database.Database, facilityId: number): FacilityBillingRules {
  const row = db.prepare('SELECT * FROM billing_rules WHERE facility_id = ?').get(facilityId) as
    RulesRow | undefined;
  if (!row) return { ...DEFAULT_BILLING_RULES };
  return {
    hospitalisationThresholdHours: row.hospitalisation_threshold_hours,
    hospitalisationReductionCents: row.hospitalisation_reduction_cents,
    personalLeaveThresholdHours: row.personal_leave_threshold_hours,
    personalLeaveReductionCents: row.personal_leave_reduction_cents,
    billDependanceDuringAbsence: row.bill_dependance_during_absence === 1,
    dueDays: row.due_days,
  };
}

/** Residents whose stay shares a day with the period (the departure day is not billed). */
const RESIDENTS = `
  SELECT id, admission_date, discharge_date, gir FROM residents
  WHERE facility_id = :facility AND admission_date < :end
    AND (discharge_date IS NULL OR discharge_date > :start)`;
/** Rows of other tables belong to those residents: the same filter, joined. */
const OF_PRESENT = `JOIN (${RESIDENTS}) AS r ON r.id = t.resident_id`;

const SQL = {
  residents: `${RESIDENTS} ORDER BY id`,
  gir: `SELECT t.resident_id, t.valid_from, t.gir FROM resident_gir_history t ${OF_PRESENT}
        WHERE t.valid_from < :end ORDER BY t.valid_from`,
  tariffs: `SELECT valid_from, valid_to, hebergement_cents, dependance_gir12_cents,
              dependance_gir34_cents, dependance_gir56_cents
            FROM tariffs WHERE facility_id = :facility AND valid_from < :end
              AND (valid_to IS NULL OR valid_to >= :start)
            ORDER BY valid_from`,
  // An absence begun before the month still counts its days from its own start.
  absences: `SELECT t.resident_id, t.kind, t.start_date, t.end_date FROM absences t ${OF_PRESENT}
             WHERE t.start_date < :end AND (t.end_date IS NULL OR t.end_date >= :start)
             ORDER BY t.start_date, t.id`,
  // Débours entered late for an earlier month go on this invoice; next month's wait.
  debours: `SELECT t.id, t.resident_id, t.date, t.label, t.amount_cents FROM debours t ${OF_PRESENT}
            WHERE t.invoice_id IS NULL AND t.date < :end ORDER BY t.date, t.id`,
};

interface ResidentRow {
  id: number;
  admission_date: string;
  discharge_date: string | null;
  gir: number | null;
}
interface GirRow {
  resident_id: number;
  valid_from: string;
  gir: number;
}
interface TariffRow {
  valid_from: string;
  valid_to: string | null;
  hebergement_cents: number;
  dependance_gir12_cents: number;
  dependance_gir34_cents: number;
  dependance_gir56_cents: number;
}
interface AbsenceRow {
  resident_id: number;
  kind: AbsenceKind;
  start_date: string;
  end_date: string | null;
}
interface DeboursRow {
  id: number;
  resident_id: number;
  date: string;
  label: string;
  amount_cents: number;
}

/**
 * Every resident of the facility present at least one day of `period` ('YYYY-MM'), by
 * dates only: an archived record still owes the days it stayed. Ordered by resident id.
 */
export function loadBillingInputs(
  db: Database.Database,
  facilityId: number,
  period: string,
): ResidentBilling[] {
  const month = monthRange(period);
  const params = { facility: facilityId, start: isoOfDay(month.start), end: isoOfDay(month.end) };
  const all = <T>(sql: string) => db.prepare(sql).all(params) as T[];

  return db.transaction(() => {
    const { dueDays: _dueDays, ...rules } = loadBillingRules(db, facilityId);
    const tariffs: TariffPeriod[] = all<TariffRow>(SQL.tariffs).map((t) => ({
      validFrom: t.valid_from,
      validTo: t.valid_to,
      hebergementCents: t.hebergement_cents,
      dependanceGir12Cents: t.dependance_gir12_cents,
      dependanceGir34Cents: t.dependance_gir34_cents,
      dependanceGir56Cents: t.dependance_gir56_cents,
    }));
    const residents = all<ResidentRow>(SQL.residents);
    const byResident = new Map<number, ResidentBilling>();
    for (const r of residents) {
      byResident.set(r.id, {
        residentId: r.id,
        deboursIds: [],
        input: {
          period,
          admissionDate: r.admission_date,
          dischargeDate: r.discharge_date,
          girHistory: [],
          tariffs,
          absences: [],
          debours: [],
          rules,
        },
      });
    }
    for (const g of all<GirRow>(SQL.gir)) {
      byResident.get(g.resident_id)?.input.girHistory.push({ validFrom: g.valid_from, gir: g.gir });
    }
    for (const a of all<AbsenceRow>(SQL.absences)) {
      byResident
        .get(a.resident_id)
        ?.input.absences.push({ kind: a.kind, startDate: a.start_date, endDate: a.end_date });
    }
    for (const d of all<DeboursRow>(SQL.debours)) {
      const billing = byResident.get(d.resident_id);
      billing?.deboursIds.push(d.id);
      billing?.input.debours.push({ date: d.date, label: d.label, amountCents: d.amount_cents });
    }
    // No recorded history: the GIR on the record has applied since admission.
    for (const r of residents) {
      const input = byResident.get(r.id)?.input;
      if (input?.girHistory.length === 0) {
        input.girHistory.push({ validFrom: r.admission_date, gir: r.gir });
      }
    }
    return [...byResident.values()];
  })();
}
