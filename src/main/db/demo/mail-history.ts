// The demo's email side, so that the pre-send check and the sending screens have something to
// show: a few invoice addresses mistyped at the reception desk, a family in each facility
// without any email (invoices by post), and the sending history: every past month emailed in
// one batch per facility, and the last billed month partly sent. Runs on its own seeded
// generator, so the rest of the demo stays the same for a seed.
import type Database from 'better-sqlite3';
import { invoiceAddresses, loadAddressBook } from '../../mail/recipients';
import { isoOf, MONTH_NAMES, type Month } from './calendar';
import type { Random } from './random';

export interface MailHistoryInput {
  rng: Random;
  months: readonly Month[];
  todayDay: number;
  facilityIds: readonly number[];
  facilities: readonly { name: string; email: string }[];
  billingUser: number;
}

export interface MailHistoryFigures {
  mailBatches: number;
  mailMessages: number;
  invalidAddresses: number;
}

const WORKSTATION = 'BUREAU-FACTURATION';
const ROWS_PER_INSERT = 20;
const HISTORY_MONTHS = 12;
const MESSAGE_COLUMNS = `batch_id, invoice_id, doc_type, state, message_id, sender_mode,
  from_address, from_name, to_addresses, subject, body_text, attachments, request_receipt,
  attempts, created_at, created_by, workstation, sent_at`;

/** The typos seen in real address books: a missing TLD, a doubled dot, a comma, a space… */
function mistype(rng: Random, address: string): string {
  const at = address.indexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const kind = rng.int(0, local.includes('.') ? 5 : 3);
  switch (kind) {
    case 0:
      return `${local}@${domain.replace(/\.example$/, '')}`;
    case 1:
      return `${local}@${domain.replace('.', ',')}`;
    case 2:
      return `${local}${domain}`;
    case 3:
      return `${local}@@${domain}`;
    case 4:
      return `${local.replace('.', '..')}@${domain}`;
    default:
      return `${local.replace('.', ' ')}@${domain}`;
  }
}

interface Candidate {
  resident_id: number;
  facility_id: number;
  emails: number;
  contact_id: number | null;
  contact_email: string | null;
  contact_role: string | null;
}

/** Mistyped invoice addresses (about 3 %) and, where none exists, one family without email. */
function spoilAddresses(db: Database.Database, rng: Random, lastPeriod: string): number {
  const candidates = db
    .prepare(
      `SELECT r.id AS resident_id, r.facility_id,
         (r.receives_invoices AND r.email IS NOT NULL) + (SELECT count(*) FROM contacts c
           WHERE c.resident_id = r.id AND c.receives_invoices = 1 AND c.email IS NOT NULL) AS emails,
         c.id AS contact_id, c.email AS contact_email, c.role AS contact_role
       FROM residents r LEFT JOIN contacts c ON c.id = (SELECT id FROM contacts
         WHERE resident_id = r.id AND receives_invoices = 1 AND email IS NOT NULL
         ORDER BY position, id LIMIT 1)
       WHERE r.id IN (SELECT resident_id FROM invoices WHERE period = ? AND kind = 'facture')
       ORDER BY r.facility_id, r.id`,
    )
    .all(lastPeriod) as Candidate[];
  const setEmail = db.prepare('UPDATE contacts SET email = ? WHERE id = ?');
  const byFacility = new Map<number, Candidate[]>();
  for (const c of candidates) {
    byFacility.set(c.facility_id, [...(byFacility.get(c.facility_id) ?? []), c]);
  }
  let spoilt = 0;
  for (const list of byFacility.values()) {
    // One invoice address, a family member's (a tutor's office keeps its address right): a
    // typo there leaves the invoice nowhere to go.
    const single = rng.shuffle(list.filter((c) => c.emails === 1 && c.contact_role === 'famille'));
    const typos = Math.max(1, Math.round(list.length * 0.03));
    for (const c of single.slice(0, Math.min(typos, single.length - 1))) {
      setEmail.run(mistype(rng, c.contact_email ?? ''), c.contact_id);
      spoilt++;
    }
    const last = single.at(-1);
    if (list.length >= 5 && !list.some((c) => c.emails === 0) && last) {
      setEmail.run(null, last.contact_id); // « les factures partent par courrier »
    }
  }
  return spoilt;
}

interface InvoiceRow {
  id: number;
  number: string;
  resident_id: number;
  facility_id: number;
  period: string;
  has_debours: number;
}

export function recordMailHistory(
  db: Database.Database,
  input: MailHistoryInput,
): MailHistoryFigures {
  const { rng, months } = input;
  const lastMonth = months[months.length - 1];
  const figures: MailHistoryFigures = { mailBatches: 0, mailMessages: 0, invalidAddresses: 0 };
  if (!lastMonth) return figures;
  db.transaction(() => {
    figures.invalidAddresses = spoilAddresses(db, rng, lastMonth.period);
  }).immediate();

  // The association has emailed its invoices for a year: older months went by post.
  const history = months.slice(-HISTORY_MONTHS);
  const invoices = db
    .prepare(
      `SELECT i.id, i.number, i.resident_id, i.facility_id, i.period,
         EXISTS (SELECT 1 FROM debours d WHERE d.invoice_id = i.id) AS has_debours
       FROM invoices i WHERE i.kind = 'facture' AND i.status = 'issued' AND i.period >= ?
       ORDER BY i.period, i.facility_id, i.seq`,
    )
    .all(history[0]?.period ?? lastMonth.period) as InvoiceRow[];
  const residents = [...new Set(invoices.map((i) => i.resident_id))];
  const book = loadAddressBook(db, residents).people;
  const addresses = new Map<number, string[]>();
  for (const id of residents) {
    const valid = invoiceAddresses(book.get(id) ?? []).recipients.map((r) => r.address);
    if (valid.length > 0) addresses.set(id, valid);
  }
  const batchInsert = db.prepare(
    `INSERT INTO mail_batches (facility_id, period, doc_type, state, created_at, created_by,
       workstation) VALUES (?, ?, 'facture', 'done', ?, ?, ?)`,
  );
  const finish = db.prepare('UPDATE mail_batches SET finished_at = ? WHERE id = ?');
  const marks = `(${MESSAGE_COLUMNS.split(',')
    .map(() => '?')
    .join(', ')})`;
  const insertMany = db.prepare(
    `INSERT INTO mail_messages (${MESSAGE_COLUMNS}) VALUES ${Array(ROWS_PER_INSERT).fill(marks).join(', ')}`,
  );
  const insertOne = db.prepare(`INSERT INTO mail_messages (${MESSAGE_COLUMNS}) VALUES ${marks}`);
  const pending: (string | number | null)[][] = [];
  const flush = (all: boolean) => {
    while (pending.length >= ROWS_PER_INSERT)
      insertMany.run(pending.splice(0, ROWS_PER_INSERT).flat());
    if (all) for (const row of pending.splice(0)) insertOne.run(row);
  };

  for (const month of history) {
    const last = month === lastMonth;
    const share = last ? 0.35 : 0.94;
    const monthName = `${MONTH_NAMES[month.month - 1] ?? ''} ${month.year}`;
    const ofMonth = invoices.filter((i) => i.period === month.period);
    db.transaction(() => {
      input.facilityIds.forEach((facilityId, f) => {
        const facility = input.facilities[f];
        const rows = ofMonth.filter((i) => i.facility_id === facilityId);
        if (!facility || rows.length === 0) return;
        // Sent a day or three after the invoices were issued, never after today.
        const day = Math.min(month.end + rng.int(1, 3), input.todayDay);
        const start = Date.parse(`${isoOf(day)}T08:${String(rng.int(10, 50))}:00.000Z`);
        const created = new Date(start - 60_000).toISOString();
        const batchId = Number(
          batchInsert.run(facilityId, month.period, created, input.billingUser, WORKSTATION)
            .lastInsertRowid,
        );
        figures.mailBatches++;
        const receipt = rng.chance(0.5) ? 1 : 0;
        let n = 0;
        for (const invoice of rows) {
          const to = addresses.get(invoice.resident_id);
          if (!to || !rng.chance(share)) continue;
          // The throttle's rhythm: 2 s between messages, 10 s more every 10.
          const sentAt = new Date(start + n * 2000 + Math.floor(n / 10) * 10_000).toISOString();
          n++;
          const files = [
            { kind: 'facture', name: `Facture ${invoice.number}.pdf`, invoiceId: invoice.id },
          ];
          if (invoice.has_debours) {
            files.push({
              kind: 'releve',
              name: `Relevé de débours ${invoice.number}.pdf`,
              invoiceId: invoice.id,
            });
          }
          pending.push([
            batchId,
            invoice.id,
            'facture',
            'sent',
            `<${invoice.id}.${batchId}.${rng.int(0x10000000, 0x7fffffff).toString(36)}@les-tilleuls.example>`,
            'association',
            facility.email,
            facility.name,
            JSON.stringify(to),
            `Votre facture ${invoice.number} – ${monthName}`,
            `Madame, Monsieur,\n\nVous trouverez ci-joint la facture ${invoice.number} de ${monthName}.\n\nLe service facturation`,
            JSON.stringify(files),
            receipt,
            1,
            created,
            input.billingUser,
            WORKSTATION,
            sentAt,
          ]);
          figures.mailMessages++;
          flush(false);
        }
        // Migration 6 records when a batch ended: after its last message.
        finish.run(new Date(start + n * 2000 + Math.floor(n / 10) * 10_000).toISOString(), batchId);
      });
      flush(true);
    }).immediate();
  }
  return figures;
}
