// The pre-send check of one facility's period: every issued facture, each either ready (its
// recipients, its files with their sizes, its last send) or excluded with the reason to fix
// first. Nothing is silently dropped: an invoice that will not go is listed with why. One query
// per table whatever the number of invoices; the PDFs never written are written first (an
// issued invoice's PDF can always be produced again from its frozen data).
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  PliError,
  type Presend,
  type PresendInvoice,
  type PresendReason,
  type presendInputSchema,
} from '../../shared/contract';
import { writeMissingPdfs } from '../billing/pdfs';
import { absolutePdfPath } from '../billing/pdf-store';
import {
  type AttachmentRules,
  formatSize,
  invoiceAttachmentName,
  sizeWarning,
  type StoredAttachment,
  storedAttachment,
} from './attachments';
import { addressKey, invoiceAddresses, loadAddressBook, personName } from './recipients';
import { loadMailSettings } from './settings';

export type PresendInput = z.output<typeof presendInputSchema>;

export interface PresendPlaces {
  /** The shared database file: invoice PDFs live beside it. */
  databaseFile: string;
  /** This workstation's data folder: uploaded attachments live in its outbox. */
  dataDir: string;
}

interface InvoiceRow {
  id: number;
  number: string;
  resident_id: number;
  total_cents: number;
  pdf_path: string | null;
  debours_pdf_path: string | null;
  has_debours: number;
  pending: number;
  nom: string;
  prenom: string;
}

/** The order in which reasons are shown: what blocks everything, then what the user fixes. */
const ORDER: readonly PresendReason[] = [
  'pdf_missing',
  'no_address',
  'invalid_address',
  'already_sent',
  'too_large',
];

const INVOICES = `
  SELECT i.id, i.number, i.resident_id, i.total_cents, i.pdf_path, i.debours_pdf_path,
         EXISTS (SELECT 1 FROM debours d WHERE d.invoice_id = i.id) AS has_debours,
         (i.pdf_sha256 IS NULL OR (i.debours_pdf_sha256 IS NULL
           AND EXISTS (SELECT 1 FROM debours d WHERE d.invoice_id = i.id))) AS pending,
         r.nom, r.prenom
  FROM invoices i JOIN residents r ON r.id = i.resident_id
  WHERE i.facility_id = ? AND i.period = ? AND i.kind = 'facture' AND i.status = 'issued'
  ORDER BY i.seq`;

const SENT = `
  SELECT invoice_id, to_addresses, sent_at FROM mail_messages
  WHERE state = 'sent' AND doc_type = 'facture' AND invoice_id IN
    (SELECT id FROM invoices WHERE facility_id = ? AND period = ? AND kind = 'facture')`;

/** "12/10/2026" from an ISO timestamp. */
function frenchDate(iso: string): string {
  const [y = '', m = '', d = ''] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** `to_addresses` holds bare addresses or `Name <address>`: the address is what counts. */
export function addressesOf(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .filter((a): a is string => typeof a === 'string')
      .map((a) => addressKey(/<([^>]*)>\s*$/.exec(a)?.[1] ?? a));
  } catch {
    return [];
  }
}

interface Sent {
  addresses: Map<string, string>; // address → last sent_at
  last: string | null;
}

function loadSent(db: Database.Database, facilityId: number, period: string) {
  const rows = db.prepare(SENT).all(facilityId, period) as {
    invoice_id: number;
    to_addresses: string;
    sent_at: string | null;
  }[];
  const sent = new Map<number, Sent>();
  for (const row of rows) {
    const at = row.sent_at ?? '';
    const entry = sent.get(row.invoice_id) ?? { addresses: new Map(), last: null };
    for (const address of addressesOf(row.to_addresses)) {
      if ((entry.addresses.get(address) ?? '') <= at) entry.addresses.set(address, at);
    }
    if (entry.last === null || entry.last < at) entry.last = at;
    sent.set(row.invoice_id, entry);
  }
  return sent;
}

function fileSize(databaseFile: string, relative: string | null): number | null {
  if (!relative) return null;
  try {
    return fs.statSync(absolutePdfPath(databaseFile, relative)).size;
  } catch {
    return null;
  }
}

function reasonMessage(reason: PresendReason, entry: PresendInvoice, limit: number): string {
  switch (reason) {
    case 'pdf_missing':
      return 'Le PDF de cette facture est introuvable sur le partage : prévenez l’administrateur, il le restaurera depuis la sauvegarde.';
    case 'no_address':
      return 'Aucune adresse e-mail ne reçoit les factures de ce résident : ajoutez-en une dans sa fiche (case « Reçoit les factures »), ou envoyez la facture par courrier.';
    case 'invalid_address':
      return 'L’adresse e-mail enregistrée est mal écrite : corrigez-la dans la fiche du résident, puis relancez la vérification.';
    case 'already_sent':
      return `Déjà envoyée${entry.lastSentAt ? ` le ${frenchDate(entry.lastSentAt)}` : ''} à ${entry.skipped.length > 1 ? 'ces adresses' : 'cette adresse'} : cochez-la pour l’envoyer à nouveau.`;
    case 'too_large':
      return `Pièces jointes trop lourdes : ${formatSize(entry.totalBytes)} pour ${formatSize(limit)} permis par message. Retirez ou réduisez une pièce jointe.`;
  }
}

function attachmentsOf(refs: readonly string[], dataDir: string, rules: AttachmentRules) {
  const cache = new Map<string, StoredAttachment>();
  return (ref: string) => {
    let stored = cache.get(ref);
    if (!stored) {
      stored = storedAttachment(dataDir, ref, rules);
      cache.set(ref, stored);
    }
    return stored;
  };
}

export async function presend(
  db: Database.Database,
  places: PresendPlaces,
  input: PresendInput,
): Promise<Presend> {
  const { facilityId, period } = input;
  const facility = db.prepare('SELECT id FROM facilities WHERE id = ?').get(facilityId);
  if (!facility) throw new PliError('NOT_FOUND');
  const rules = loadMailSettings(db);
  const attachment = attachmentsOf(input.generalAttachments, places.dataDir, rules);
  const general = input.generalAttachments.map(attachment);
  const individual = new Map<number, StoredAttachment[]>();
  for (const { invoiceId, ref } of input.individualAttachments) {
    individual.set(invoiceId, [...(individual.get(invoiceId) ?? []), attachment(ref)]);
  }

  let invoices = db.prepare(INVOICES).all(facilityId, period) as InvoiceRow[];
  const pending = invoices.filter((row) => row.pending).map((row) => row.id);
  if (pending.length > 0) {
    try {
      await writeMissingPdfs(db, places.databaseFile, pending);
    } catch (error) {
      // The share refused some files: those invoices are listed as « PDF manquant » below.
      if (!(error instanceof PliError)) throw error;
    }
    invoices = db.prepare(INVOICES).all(facilityId, period) as InvoiceRow[];
  }
  const book = loadAddressBook(db, [...new Set(invoices.map((row) => row.resident_id))]);
  const sent = loadSent(db, facilityId, period);

  const result: Presend = {
    facilityId,
    period,
    maxMessageBytes: rules.maxMessageBytes,
    ready: [],
    excluded: [],
    counts: {
      ready: 0,
      no_address: 0,
      invalid_address: 0,
      pdf_missing: 0,
      already_sent: 0,
      too_large: 0,
    },
  };
  for (const row of invoices) {
    const addresses = invoiceAddresses(book.people.get(row.resident_id) ?? []);
    const history = sent.get(row.id);
    const recipients = addresses.recipients.filter(
      (r) => !history?.addresses.has(addressKey(r.address)),
    );
    const already = addresses.recipients.filter((r) =>
      history?.addresses.has(addressKey(r.address)),
    );
    const skipped = [
      ...addresses.skipped,
      ...already.map((r) => ({
        address: r.address,
        name: r.name,
        reason: 'already_sent' as const,
        message: `Facture déjà envoyée à cette adresse le ${frenchDate(history?.addresses.get(addressKey(r.address)) ?? '')}.`,
      })),
    ];
    const documents = [
      { kind: 'facture' as const, size: fileSize(places.databaseFile, row.pdf_path) },
      ...(row.has_debours
        ? [{ kind: 'releve' as const, size: fileSize(places.databaseFile, row.debours_pdf_path) }]
        : []),
    ].map(({ kind, size }) => {
      const name = invoiceAttachmentName(kind, row.number);
      return {
        kind,
        name,
        sizeBytes: size,
        warning: size === null ? null : sizeWarning(name, size, rules),
      };
    });
    const added = [...general, ...(individual.get(row.id) ?? [])].map((file) => ({
      kind: general.includes(file) ? ('general' as const) : ('individual' as const),
      name: file.name,
      sizeBytes: file.sizeBytes,
      warning: file.warning,
    }));
    const attachments = [...documents, ...added];
    const totalBytes = attachments.reduce((sum, a) => sum + (a.sizeBytes ?? 0), 0);
    const found: Record<PresendReason, boolean> = {
      pdf_missing: documents.some((d) => d.sizeBytes === null),
      no_address: addresses.recipients.length === 0 && addresses.skipped.length === 0,
      invalid_address: addresses.recipients.length === 0 && addresses.skipped.length > 0,
      already_sent: addresses.recipients.length > 0 && recipients.length === 0,
      too_large: totalBytes > rules.maxMessageBytes,
    };
    const reasons = ORDER.filter((reason) => found[reason]);
    const entry: PresendInvoice = {
      invoiceId: row.id,
      number: row.number,
      residentId: row.resident_id,
      residentName: personName(row.prenom, row.nom),
      totalCents: row.total_cents,
      recipients,
      skipped,
      attachments,
      totalBytes,
      lastSentAt: history?.last ?? null,
      reason: reasons[0] ?? null,
      reasons,
      message: null,
    };
    if (entry.reason) {
      entry.message = reasonMessage(entry.reason, entry, rules.maxMessageBytes);
      result.excluded.push(entry);
      result.counts[entry.reason]++;
    } else {
      result.ready.push(entry);
      result.counts.ready++;
    }
  }
  return result;
}
