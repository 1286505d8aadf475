// Fills a freshly migrated, empty Pli file with a realistic association: facilities, users,
// residents and families, tariffs, then months of billing (billing.ts). Fast enough for
// 250,000 invoices: statements prepared once, one transaction per month, ids kept in memory
// from lastInsertRowid instead of read back.
import type Database from 'better-sqlite3';
import { foldForSearch } from '../../../shared/text';
import { dayOf, isIsoDate, isoOf, localToday, monthOf, monthsBefore } from './calendar';
import { recordCurrentMonth } from './current-month';
import type { Month } from './calendar';
import { loadPayers } from '../../billing/payer';
import { billMonths } from './billing';
import { recordMailHistory } from './mail-history';
import { recordMailSettings } from './mail-settings';
import type { BilledResident, BillingFigures } from './billing';
import { DEMO_ASSOCIATION_NAME, FACILITIES, tariffFor, USERS } from './identity';
import type { TariffBase } from './identity';
import { planResidents } from './people';
import { Random } from './random';

export { DEMO_ASSOCIATION_NAME, DEMO_LOGINS, DEMO_PASSWORD } from './identity';

export interface DemoOptions {
  residents?: number;
  months?: number;
  seed?: number;
  /** YYYY-MM-DD; the last billed month is the one before it. */
  today?: string;
  /** Hashes of DEMO_PASSWORD, made by the caller: hashing is slow and asynchronous. */
  passwordHashes: { admin: string; facturation: string; accueil: string };
}

/** Rows written per table; `invoices` includes the `creditNotes` (avoirs). */
export interface DemoFigures extends BillingFigures {
  facilities: number;
  users: number;
  residents: number;
  contacts: number;
  tariffs: number;
  /** Residents in hospital during the month in progress. */
  absences: number;
  /** The sending history (one batch per facility and month) and the mistyped addresses. */
  mailBatches: number;
  mailMessages: number;
  invalidAddresses: number;
}

function positiveInteger(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`Démonstration : ${name} doit être un entier entre 1 et ${max}.`);
  }
  return value;
}

/** `INSERT INTO table (a, b) VALUES (?, ?)` from a column list written once. */
function insert(db: Database.Database, table: string, columns: string) {
  const marks = columns.split(',').map(() => '?');
  return db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${marks.join(', ')})`);
}

function girGroup(gir: number): BilledResident['gir'] {
  return gir <= 2 ? 'gir12' : gir <= 4 ? 'gir34' : 'gir56';
}

export function generateDemo(db: Database.Database, options: DemoOptions): DemoFigures {
  const total = positiveInteger(options.residents ?? 240, 'le nombre de résidents', 100_000);
  const monthCount = positiveInteger(options.months ?? 12, 'le nombre de mois', 120);
  const today = options.today ?? localToday();
  if (!isIsoDate(today)) throw new RangeError(`Démonstration : date du jour invalide (${today}).`);
  const existing = db.prepare('SELECT count(*) AS n FROM facilities').get() as { n: number };
  if (existing.n > 0) throw new Error('Démonstration : la base contient déjà des établissements.');

  const rng = new Random(options.seed ?? 1);
  const todayDay = dayOf(today);
  const months = monthsBefore(today, monthCount);
  const first = months[0] as Month;
  const last = months[months.length - 1] as Month;
  const plans = planResidents(rng, total, { start: first.start, end: last.end, today: todayDay });
  const sql = {
    facility: db.prepare(
      `INSERT INTO facilities (code, name, kind, address_line1, address_line2, postal_code, city,
         phone, email, finess, siret, legal_name, billing_address, iban, bic, vat_mention)
       VALUES (@code, @name, @kind, @address_line1, @address_line2, @postal_code, @city, @phone,
         @email, @finess, @siret, @legal_name, @billing_address, @iban, @bic, @vat_mention)`,
    ),
    user: insert(db, 'users', 'name, initials, login, role, email, password_hash, created_at'),
    tariff: insert(
      db,
      'tariffs',
      `facility_id, valid_from, valid_to, hebergement_cents, dependance_gir12_cents,
       dependance_gir34_cents, dependance_gir56_cents`,
    ),
    resident: insert(
      db,
      'residents',
      `facility_id, civilite, nom, prenom, date_naissance, room, admission_date, discharge_date,
       gir, language, email, receives_invoices, notes, search_key, created_at, updated_at`,
    ),
    contact: insert(
      db,
      'contacts',
      `resident_id, role, civilite, nom, prenom, relationship, email, phone, address_line1,
       address_line2, postal_code, city, country, language, receives_invoices, position`,
    ),
  };
  const facilityIds: number[] = [];
  const tariffs = new Map<string, TariffBase>();
  const residents: BilledResident[] = [];
  let billingUser = 0;
  let contacts = 0;

  db.transaction(() => {
    db.prepare('UPDATE association SET name = ? WHERE id = 1').run(DEMO_ASSOCIATION_NAME);
    FACILITIES.forEach((facility, f) => {
      // Named parameters: the plan's other fields (share, tariff) are not columns.
      const id = Number(sql.facility.run(facility).lastInsertRowid);
      facilityIds.push(id);
      // Through the month in progress, whose tariff is still open-ended.
      const currentYear = Number(today.slice(0, 4));
      for (let year = first.year; year <= Math.max(last.year, currentYear); year++) {
        const t = tariffFor(facility.tariff, year);
        tariffs.set(`${f}:${year}`, t);
        const [from, to] = [`${year}-01-01`, year === currentYear ? null : `${year}-12-31`];
        sql.tariff.run(id, from, to, t.hebergement, t.gir12, t.gir34, t.gir56);
      }
    });
    const since = `${isoOf(first.start - 45)}T08:00:00.000Z`;
    for (const u of USERS) {
      const hash = options.passwordHashes[u.hash];
      const row = sql.user.run(u.name, u.initials, u.login, u.role, u.email, hash, since);
      if (u.role === 'facturation') billingUser = Number(row.lastInsertRowid);
    }
    for (const p of plans) {
      const created = `${isoOf(p.admission)}T09:30:00.000Z`;
      const discharge = p.discharge === null ? null : isoOf(p.discharge);
      const searchKey = foldForSearch(`${p.nom} ${p.prenom}`);
      const row = sql.resident.run(
        facilityIds[p.facility],
        p.civilite,
        p.nom,
        p.prenom,
        p.birth,
        p.room,
        isoOf(p.admission),
        discharge,
        p.gir,
        p.language,
        p.email,
        p.receives ? 1 : 0,
        p.notes,
        searchKey,
        created,
        created,
      );
      const id = Number(row.lastInsertRowid);
      // The plan respects the trigger's limit of two invoice addresses per resident.
      p.contacts.forEach((c, position) => {
        const address = [c.line1, c.line2, c.postalCode, c.city, c.country];
        const who = [c.role, c.civilite, c.nom, c.prenom, c.relationship, c.email, c.phone];
        sql.contact.run(id, ...who, ...address, c.language, c.receives ? 1 : 0, position);
      });
      contacts += p.contacts.length;
      const virement = `VIR ${foldForSearch(p.nom).toUpperCase()}`;
      residents.push({ id, facility: p.facility, plan: p, gir: girGroup(p.gir), virement });
    }
  }).immediate();

  const billing = billMonths(db, {
    rng,
    months,
    todayDay,
    facilityIds,
    codes: FACILITIES.map((facility) => facility.code),
    tariffs,
    residents,
    billingUser,
  });
  // Issued invoices carry the payer they were addressed to, as issuing them in Pli does.
  db.transaction(() => {
    const update = db.prepare(
      'UPDATE invoices SET payer_name = ?, payer_address = ? WHERE resident_id = ?',
    );
    for (const facilityId of facilityIds) {
      for (const [residentId, payer] of loadPayers(db, { facilityId })) {
        update.run(payer.name, payer.addressLines.join('\n'), residentId);
      }
    }
  }).immediate();
  // Its own generator: the email side does not change the rest of the demo for a seed.
  const mail = recordMailHistory(db, {
    rng: new Random((options.seed ?? 1) + 7919),
    months,
    todayDay,
    facilityIds,
    facilities: FACILITIES,
    billingUser,
  });
  recordMailSettings(
    db,
    FACILITIES.map((facility, f) => ({ ...facility, id: facilityIds[f] ?? 0 })),
  );
  const [year = 1970, month = 1] = today.split('-').map(Number);
  const current = recordCurrentMonth(db, {
    rng,
    month: monthOf(year, month),
    todayDay,
    residents,
  });
  return {
    facilities: facilityIds.length,
    users: USERS.length,
    residents: residents.length,
    contacts,
    tariffs: tariffs.size,
    ...billing,
    debours: billing.debours + current.debours,
    absences: current.absences,
    ...mail,
  };
}
