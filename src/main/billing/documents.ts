// What an issued invoice's PDFs show, read from the shared file: the invoice (or avoir) and,
// when it bills débours, the relevé that lists them. Rendering never reads the database.
import type Database from 'better-sqlite3';
import type { DeboursStatement, InvoiceDocument, PdfFacility } from '../pdf/types';

/** Printed on every invoice; a facility's own wording can come with the templates. */
export const LEGAL_MENTIONS = [
  'Facture payable au plus tard à la date d’échéance. Pas d’escompte pour paiement anticipé.',
  'En cas de réclamation, adressez-vous au service facturation de l’établissement.',
];

interface InvoiceRow {
  id: number;
  kind: 'facture' | 'avoir';
  status: string;
  number: string | null;
  period: string;
  issue_date: string | null;
  due_date: string | null;
  total_cents: number;
  payer_name: string;
  payer_address: string;
  reason: string;
  credited_number: string | null;
  civilite: string;
  nom: string;
  prenom: string;
  room: string;
  facility_id: number;
  facility_code: string;
}

interface FacilityRow {
  name: string;
  legal_name: string;
  address_line1: string;
  address_line2: string;
  postal_code: string;
  city: string;
  billing_address: string;
  phone: string;
  email: string;
  finess: string;
  siret: string;
  iban: string;
  bic: string;
  vat_mention: string;
  logo: Buffer | null;
  logo_mime: string | null;
}

export interface IssuedDocuments {
  facilityCode: string;
  period: string;
  number: string;
  invoice: InvoiceDocument;
  debours: DeboursStatement | null;
}

function facilityOf(db: Database.Database, id: number): PdfFacility {
  const f = db.prepare('SELECT * FROM facilities WHERE id = ?').get(id) as FacilityRow;
  // The billing identity's address, when set, is the one invoices print.
  const billing = f.billing_address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const addressLines =
    billing.length > 0
      ? billing
      : [f.address_line1, f.address_line2, `${f.postal_code} ${f.city}`.trim()].filter(Boolean);
  const mime = f.logo_mime === 'image/png' || f.logo_mime === 'image/jpeg' ? f.logo_mime : null;
  return {
    name: f.name,
    legalName: f.legal_name || f.name,
    addressLines,
    phone: f.phone,
    email: f.email,
    finess: f.finess,
    siret: f.siret,
    iban: f.iban,
    bic: f.bic,
    vatMention: f.vat_mention,
    logo: f.logo && mime ? { bytes: new Uint8Array(f.logo), mime } : null,
  };
}

export function loadIssuedDocuments(db: Database.Database, invoiceId: number): IssuedDocuments {
  const row = db
    .prepare(
      `SELECT i.*, o.number AS credited_number, r.civilite, r.nom, r.prenom, r.room,
              f.code AS facility_code
       FROM invoices i JOIN residents r ON r.id = i.resident_id
       JOIN facilities f ON f.id = i.facility_id
       LEFT JOIN invoices o ON o.id = i.credited_invoice_id
       WHERE i.id = ?`,
    )
    .get(invoiceId) as InvoiceRow | undefined;
  if (!row?.number || !row.issue_date || row.status !== 'issued') {
    throw new Error(`facture ${String(invoiceId)} non émise`);
  }
  const lines = db
    .prepare(
      `SELECT label, quantity, unit_cents AS unitCents, amount_cents AS amountCents
       FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
    )
    .all(invoiceId) as InvoiceDocument['lines'];
  const facility = facilityOf(db, row.facility_id);
  const payer = { name: row.payer_name, addressLines: row.payer_address.split('\n') };
  const resident = { civilite: row.civilite, nom: row.nom, prenom: row.prenom, room: row.room };
  const avoir = row.kind === 'avoir';
  const invoice: InvoiceDocument = {
    kind: row.kind,
    number: row.number,
    issueDate: row.issue_date,
    dueDate: row.due_date ?? '',
    period: row.period,
    creditedNumber: row.credited_number,
    facility,
    payer,
    resident,
    lines,
    totalCents: row.total_cents,
    paymentReference: avoir ? '' : row.number,
    legalMentions: avoir && row.reason ? [`Motif de l’avoir : ${row.reason}`] : LEGAL_MENTIONS,
  };
  const items = db
    .prepare(
      `SELECT date, label, amount_cents AS amountCents FROM debours
       WHERE invoice_id = ? ORDER BY date, id`,
    )
    .all(invoiceId) as DeboursStatement['items'];
  const debours =
    items.length === 0
      ? null
      : {
          number: row.number,
          issueDate: row.issue_date,
          period: row.period,
          facility,
          payer,
          resident,
          items,
          totalCents: items.reduce((sum, item) => sum + item.amountCents, 0),
        };
  return {
    facilityCode: row.facility_code,
    period: row.period,
    number: row.number,
    invoice,
    debours,
  };
}
