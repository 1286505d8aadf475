// Who an invoice goes to, which files travel with it, and the pre-send check of a period: the
// list of every issued facture, each ready or excluded with a reason the user can act on.
import { z } from 'zod';
import { periodSchema } from './billing';
import { languageSchema } from './fields';

const id = z.number().int().positive();
const bytes = z.number().int().nonnegative();

export const recipientRoleSchema = z.enum(['resident', 'famille', 'tuteur', 'mandataire', 'autre']);

export const recipientSchema = z.object({
  address: z.string(),
  name: z.string(),
  civilite: z.string(),
  role: recipientRoleSchema,
  /** null for the resident's own address and for a typed one. */
  contactId: id.nullable(),
  /** The template language: the contact's (or resident's) language, French when unknown. */
  language: languageSchema,
});
export type RecipientInfo = z.infer<typeof recipientSchema>;

/** An address that will not be used, and why (French, for the list). */
export const skippedAddressSchema = z.object({
  address: z.string(),
  name: z.string(),
  reason: z.enum(['invalid_address', 'already_sent']),
  message: z.string(),
});

/**
 * A file the user adds to a send: `general` for every message of the batch, `individual` for
 * one invoice. The content is uploaded once (base64, ≤ 10 Mo decoded with some margin), kept in
 * this workstation's outbox folder and named by `ref` afterwards.
 */
export const attachmentUploadInputSchema = z
  .object({
    name: z.string().min(1).max(200),
    contentBase64: z.string().max(15_000_000),
  })
  .strict();

export const attachmentWarningSchema = z.object({
  code: z.enum(['MAIL_ATTACHMENT_LARGE']),
  message: z.string(),
});

export const storedAttachmentSchema = z.object({
  ref: z.string(),
  name: z.string(),
  sizeBytes: bytes,
  warning: attachmentWarningSchema.nullable(),
});

export const attachmentRefSchema = z
  .string()
  .regex(/^[0-9a-f]{64}-[^/\\]{1,200}$/, 'Référence de pièce jointe inconnue.');

export const presendReasonSchema = z.enum([
  'no_address',
  'invalid_address',
  'pdf_missing',
  'already_sent',
  'too_large',
]);
export type PresendReason = z.infer<typeof presendReasonSchema>;

export const presendInputSchema = z
  .object({
    facilityId: id,
    period: periodSchema,
    docType: z.literal('facture'),
    generalAttachments: z.array(attachmentRefSchema).max(20).default([]),
    individualAttachments: z
      .array(z.object({ invoiceId: id, ref: attachmentRefSchema }).strict())
      .max(1000)
      .default([]),
  })
  .strict();

export const presendAttachmentSchema = z.object({
  kind: z.enum(['facture', 'releve', 'general', 'individual']),
  name: z.string(),
  /** null when the file could not be found. */
  sizeBytes: bytes.nullable(),
  warning: attachmentWarningSchema.nullable(),
});

export const presendInvoiceSchema = z.object({
  invoiceId: id,
  number: z.string(),
  residentId: id,
  residentName: z.string(),
  totalCents: z.number().int(),
  recipients: z.array(recipientSchema),
  skipped: z.array(skippedAddressSchema),
  attachments: z.array(presendAttachmentSchema),
  totalBytes: bytes,
  lastSentAt: z.string().nullable(),
  /** null: ready. Otherwise the first of `reasons`, the one to fix first. */
  reason: presendReasonSchema.nullable(),
  reasons: z.array(presendReasonSchema),
  message: z.string().nullable(),
});
export type PresendInvoice = z.infer<typeof presendInvoiceSchema>;

export const presendSchema = z.object({
  facilityId: id,
  period: z.string(),
  maxMessageBytes: bytes,
  ready: z.array(presendInvoiceSchema),
  excluded: z.array(presendInvoiceSchema),
  counts: z.object({
    ready: bytes,
    no_address: bytes,
    invalid_address: bytes,
    pdf_missing: bytes,
    already_sent: bytes,
    too_large: bytes,
  }),
});
export type Presend = z.infer<typeof presendSchema>;

export const recipientsInputSchema = z.object({ invoiceId: id }).strict();

export const recipientsSchema = z.object({
  invoiceId: id,
  /** Who receives this invoice by default (« reçoit les factures », at most two). */
  recipients: z.array(recipientSchema),
  skipped: z.array(skippedAddressSchema),
  /** For a single send: every address of the resident and their contacts. */
  candidates: z.array(recipientSchema),
});
