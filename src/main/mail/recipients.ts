// Who receives an invoice by email: the payer contacts marked « reçoit les factures » and/or the
// resident's own address when the resident receives invoices (the schema's triggers keep that
// to two). A single send may use any address of the resident and their contacts, or a typed
// one. A stored address that is not valid is reported with the person it belongs to, never
// dropped without a word: the user has to fix it in the resident's record.
import type Database from 'better-sqlite3';
import {
  languageSchema,
  PliError,
  type RecipientInfo,
  type recipientRoleSchema,
  type skippedAddressSchema,
} from '../../shared/contract';
import type { z } from 'zod';
import { isValidEmail, normalizeEmail } from '../../shared/email';

export type Recipient = RecipientInfo;
export type SkippedAddress = z.infer<typeof skippedAddressSchema>;

/** One address of the address book: a contact's or the resident's own. */
export interface Person extends Recipient {
  residentId: number;
  receivesInvoices: boolean;
  valid: boolean;
}

interface Row {
  resident_id: number;
  contact_id: number | null;
  role: z.infer<typeof recipientRoleSchema>;
  civilite: string;
  nom: string;
  prenom: string;
  email: string | null;
  language: string;
  receives_invoices: number;
}

/** Payer contacts first, in the order of the record (as payer.ts picks the payer), then the
 * resident. Two queries whatever the number of residents. */
const CONTACTS = `
  SELECT resident_id, id AS contact_id, role, civilite, nom, prenom, email, language,
         receives_invoices
  FROM contacts WHERE resident_id IN (SELECT value FROM json_each(?))
  ORDER BY resident_id, position, id`;
const RESIDENTS = `
  SELECT id AS resident_id, NULL AS contact_id, 'resident' AS role, civilite, nom, prenom, email,
         language, receives_invoices
  FROM residents WHERE id IN (SELECT value FROM json_each(?))`;

export function personName(prenom: string, nom: string): string {
  return [prenom, nom]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** The template language of a stored language code; anything unknown reads French. */
export function templateLanguage(code: string): Recipient['language'] {
  const parsed = languageSchema.safeParse(code.trim().toLowerCase());
  return parsed.success ? parsed.data : 'fr';
}

function toPerson(row: Row): Person | null {
  const raw = row.email?.trim() ?? '';
  if (raw === '') return null;
  const valid = isValidEmail(raw);
  return {
    residentId: row.resident_id,
    address: valid ? normalizeEmail(raw) : raw,
    name: personName(row.prenom, row.nom),
    civilite: row.civilite,
    role: row.role,
    contactId: row.contact_id,
    language: templateLanguage(row.language),
    receivesInvoices: row.receives_invoices === 1,
    valid,
  };
}

export interface AddressBook {
  /** Every person with an email, valid or not, per resident. */
  people: Map<number, Person[]>;
}

export function loadAddressBook(
  db: Database.Database,
  residentIds: readonly number[],
): AddressBook {
  const ids = JSON.stringify(residentIds);
  const rows = [
    ...(db.prepare(CONTACTS).all(ids) as Row[]),
    ...(db.prepare(RESIDENTS).all(ids) as Row[]),
  ];
  const people = new Map<number, Person[]>();
  for (const row of rows) {
    const person = toPerson(row);
    if (!person) continue;
    const list = people.get(row.resident_id) ?? [];
    list.push(person);
    people.set(row.resident_id, list);
  }
  return { people };
}

export const addressKey = (address: string) => normalizeEmail(address).toLowerCase();

function recipient(person: Person): Recipient {
  const { address, name, civilite, role, contactId, language } = person;
  return { address, name, civilite, role, contactId, language };
}

export function invalidAddressMessage(person: { address: string; name: string }): string {
  return `Adresse mal écrite pour ${person.name || 'ce destinataire'} : « ${person.address} ». Corrigez-la dans la fiche du résident.`;
}

export interface InvoiceAddresses {
  recipients: Recipient[];
  skipped: SkippedAddress[];
}

/** The invoice recipients of one resident: valid ones, and the invalid ones reported. */
export function invoiceAddresses(people: readonly Person[]): InvoiceAddresses {
  const seen = new Set<string>();
  const result: InvoiceAddresses = { recipients: [], skipped: [] };
  for (const person of people) {
    if (!person.receivesInvoices) continue;
    const key = addressKey(person.address);
    if (seen.has(key)) continue; // the resident and a contact may share one mailbox
    seen.add(key);
    if (person.valid) result.recipients.push(recipient(person));
    else
      result.skipped.push({
        address: person.address,
        name: person.name,
        reason: 'invalid_address',
        message: invalidAddressMessage(person),
      });
  }
  return result;
}

/** For a single send: every valid address of the resident and their contacts. */
export function singleSendCandidates(people: readonly Person[]): Recipient[] {
  const seen = new Set<string>();
  return people
    .filter((person) => {
      const key = addressKey(person.address);
      if (!person.valid || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(recipient);
}

/** An address typed for a single send; refused in French when it is not an address. */
export function typedRecipient(raw: string, name = ''): Recipient {
  // CR/LF would let a typed value add headers: refused where the value is assigned.
  if (/[\r\n]/.test(raw) || /[\r\n]/.test(name)) throw new PliError('MAIL_HEADER_UNSAFE');
  if (!isValidEmail(raw)) throw new PliError('MAIL_ADDRESS_INVALID', [raw.trim()]);
  return {
    address: normalizeEmail(raw),
    name: name.trim(),
    civilite: '',
    role: 'autre',
    contactId: null,
    language: 'fr',
  };
}

/** What the single-send dialog shows for one invoice. */
export function recipientsForInvoice(db: Database.Database, invoiceId: number) {
  const invoice = db
    .prepare("SELECT resident_id FROM invoices WHERE id = ? AND status = 'issued'")
    .get(invoiceId) as { resident_id: number } | undefined;
  if (!invoice) throw new PliError('NOT_FOUND');
  const people = loadAddressBook(db, [invoice.resident_id]).people.get(invoice.resident_id) ?? [];
  const addresses = invoiceAddresses(people);
  return {
    invoiceId,
    ...addresses,
    candidates: singleSendCandidates(people),
  };
}
