// The monthly billing run (draft → review → issue), the invoice journal and credit notes
// (avoirs) as they cross the contract. Money is integer cents everywhere.
import { z } from 'zod';
import { isoDate } from './fields';

const id = z.number().int().positive();
const cents = z.number().int();

export const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Période attendue au format AAAA-MM (exemple : 2026-11).');

export const billingRunInputSchema = z.object({ facilityId: id, period: periodSchema }).strict();

export const issueRunInputSchema = z
  .object({
    runId: id,
    /** The run's version the user reviewed: a recompute elsewhere since then refuses the issue. */
    version: z.number().int().positive(),
    issueDate: isoDate,
  })
  .strict();

/** One draft (or issued) invoice of a run, beside what the same resident had last month. */
export const runInvoiceSchema = z.object({
  invoiceId: id,
  residentId: id,
  residentName: z.string(),
  room: z.string(),
  payerName: z.string(),
  number: z.string().nullable(),
  totalCents: cents,
  deboursCents: cents,
  /** The resident's invoice for the previous period, if any. */
  previousCents: cents.nullable(),
});

export const runProblemSchema = z.object({
  residentId: id.nullable(),
  residentName: z.string(),
  message: z.string(),
});

export const billingRunSchema = z.object({
  runId: id,
  facilityId: id,
  facilityName: z.string(),
  period: z.string(),
  status: z.enum(['draft', 'issued']),
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  invoiceCount: z.number().int().nonnegative(),
  totalCents: cents,
  previous: z.object({ invoiceCount: z.number().int().nonnegative(), totalCents: cents }),
  /** Residents billed this month and not last month (admissions), and the reverse. */
  newResidents: z.number().int().nonnegative(),
  goneResidents: z.array(z.string()),
  invoices: z.array(runInvoiceSchema),
  problems: z.array(runProblemSchema),
  /** Issued invoices whose PDF could not be written yet (share unreachable): retried. */
  missingPdfs: z.number().int().nonnegative(),
});
export type BillingRun = z.output<typeof billingRunSchema>;

export const invoiceStatusSchema = z.enum([
  'brouillon',
  'emise',
  'payee',
  'partiellement_payee',
  'annulee',
  'avoir',
]);
export type InvoiceStatus = z.output<typeof invoiceStatusSchema>;

/**
 * An invoice's envelope, derived from its message rows: none yet, en attente (queued, sending,
 * retry_wait), envoyé, en échec, lu (a read receipt), rejeté (a bounce after acceptance).
 */
export const envelopeStateSchema = z.enum([
  'non_envoyee',
  'en_attente',
  'envoye',
  'en_echec',
  'lu',
  /** Accepted by the server, then bounced (a DSN with Action: failed). */
  'rejete',
  /** Handed to this workstation's mail program (`handedTo`): Pli cannot know it left. */
  'remis',
]);

/** The mail program a single e-mail was handed to (Paramètres › Ce poste). */
const handedToSchema = z.enum(['outlook', 'thunderbird', 'system']).nullable();
export type EnvelopeState = z.output<typeof envelopeStateSchema>;

export const invoiceEnvelopeSchema = z.object({
  state: envelopeStateSchema,
  /** ISO date-time of the latest message: sent, last attempted, or queued. */
  at: z.string().nullable(),
  recipients: z.array(z.string()),
  sentBy: z.string().nullable(),
  workstation: z.string().nullable(),
  /** The SMTP server's last reply, as it came. */
  reply: z.string().nullable(),
  errorCode: z.string().nullable(),
  resentAfterInterruption: z.boolean(),
  /** « remis à Thunderbird / Outlook / la messagerie »: which program got it. */
  handedTo: handedToSchema,
  /** When the read receipt or the bounce came (« lu », « rejeté »); `reply` is then the bounce's. */
  receiptAt: z.string().nullable(),
});
export type InvoiceEnvelope = z.output<typeof invoiceEnvelopeSchema>;

/** One `mail_messages` row of an invoice, for its history. */
export const invoiceMessageSchema = z.object({
  id,
  docType: z.string(),
  state: z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled', 'retry_wait']),
  at: z.string(),
  recipients: z.array(z.string()),
  sentBy: z.string().nullable(),
  workstation: z.string(),
  reply: z.string().nullable(),
  errorCode: z.string().nullable(),
  resentAfterInterruption: z.boolean(),
  resendOf: id.nullable(),
  attempts: z.number().int().nonnegative(),
  /** Handed to a mail program (the row is then out of Pli's queue, 'cancelled'). */
  handedTo: handedToSchema,
  /** The read receipt or bounce that speaks for this sent row (mail_receipts), if any. */
  receipt: z
    .object({ effect: z.enum(['lu', 'rejete']), at: z.string(), detail: z.string().nullable() })
    .nullable(),
});
export type InvoiceMessage = z.output<typeof invoiceMessageSchema>;

/** The journal's sortable columns: numéro, date, résident, payeur, montant, statut, envoi. */
export const journalSortKeySchema = z.enum([
  'number',
  'date',
  'resident',
  'payer',
  'amount',
  'status',
  'envelope',
]);
export type JournalSortKey = z.output<typeof journalSortKeySchema>;
export type JournalSort = { key: JournalSortKey; direction: 'asc' | 'desc' };

export const invoiceListInputSchema = z
  .object({
    facilityId: id.nullable(),
    period: periodSchema.nullable(),
    search: z.string().trim().max(100),
    includeDrafts: z.boolean(),
    /** « Envoi »: every invoice, or only those whose envelope is in this state. */
    envelope: envelopeStateSchema.nullable().default(null),
    status: invoiceStatusSchema.nullable().default(null),
    /** One resident's invoices (their record's « Factures »); null: every resident. */
    residentId: id.nullable().default(null),
    /** A column header's sort, applied before the row limit; null: the journal's own order. */
    sort: z
      .object({ key: journalSortKeySchema, direction: z.enum(['asc', 'desc']) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

/** The journal table's windows: how many there are in all, and these rows from `offset`. */
export const invoiceWindowInputSchema = invoiceListInputSchema
  .extend({
    offset: z
      .number()
      .int('Le rang de départ doit être un nombre entier.')
      .min(0, 'Le rang de départ ne peut pas être négatif.')
      .max(10_000_000, 'Le rang de départ dépasse le nombre de factures possible.'),
    limit: z
      .number()
      .int('Le nombre de lignes doit être un nombre entier.')
      .min(1, 'Demandez au moins une ligne.')
      .max(500, 'Pas plus de 500 lignes à la fois : faites défiler pour voir la suite.'),
  })
  .strict();

export const invoiceRowSchema = z.object({
  id,
  facilityId: id,
  facilityName: z.string(),
  kind: z.enum(['facture', 'avoir']),
  number: z.string().nullable(),
  period: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  residentId: id,
  residentName: z.string(),
  payerName: z.string(),
  totalCents: cents,
  paidCents: cents,
  creditedCents: cents,
  status: invoiceStatusSchema,
  creditedNumber: z.string().nullable(),
  hasPdf: z.boolean(),
  hasDeboursPdf: z.boolean(),
  envelope: invoiceEnvelopeSchema,
});
export type InvoiceRow = z.output<typeof invoiceRowSchema>;

export const invoiceWindowSchema = z.object({
  /** Every invoice matching the filters, not only this window's. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(invoiceRowSchema),
});
export type InvoiceWindow = z.output<typeof invoiceWindowSchema>;

export const invoiceLineSchema = z.object({
  position: z.number().int().nonnegative(),
  kind: z.string(),
  label: z.string(),
  quantity: z.number().int(),
  unitCents: cents,
  amountCents: cents,
  /** Days (or units) of this line already given back by earlier avoirs. */
  creditedQuantity: z.number().int().nonnegative(),
});

export const invoiceDetailSchema = invoiceRowSchema.extend({
  lines: z.array(invoiceLineSchema),
  payerAddress: z.array(z.string()),
  pdfSha256: z.string().nullable(),
  creditNotes: z.array(z.object({ id, number: z.string().nullable(), totalCents: cents })),
  messages: z.array(invoiceMessageSchema),
});
export type InvoiceDetail = z.output<typeof invoiceDetailSchema>;

export const creditNoteInputSchema = z
  .object({
    invoiceId: id,
    lines: z.union([
      z.literal('all'),
      z
        .array(
          z.object({ position: z.number().int().nonnegative(), quantity: z.number().int().min(1) }),
        )
        .min(1, 'Choisissez au moins une ligne à créditer.'),
    ]),
    reason: z.string().trim().min(1, 'Indiquez le motif de l’avoir.').max(200),
    issueDate: isoDate,
  })
  .strict();

export const pdfDocumentSchema = z.enum(['facture', 'releve']);

export const invoicePdfInputSchema = z.object({ id, document: pdfDocumentSchema }).strict();

/** Electron opens the file in the system's PDF viewer; a browser opens `url` itself. */
export const invoicePdfSchema = z.object({
  opened: z.boolean(),
  url: z.string().nullable(),
  fileName: z.string(),
});
