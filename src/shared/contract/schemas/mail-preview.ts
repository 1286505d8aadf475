// « Envoi groupé »: what the page needs to start (the periods with issued factures of a
// facility, the receipt default) and « Aperçu du message », the exact email one invoice's
// family will receive, resolved as sending resolves it but without writing a message row.
import { z } from 'zod';
import { languageSchema } from './fields';
import { attachmentRefSchema, presendAttachmentSchema, recipientRoleSchema } from './mail-presend';
import { senderModeSchema } from './mail';
import { templateTextSchema } from './templates';

const id = z.number().int().positive();

export const mailSetupInputSchema = z.object({ facilityId: id }).strict();

export const mailSetupSchema = z.object({
  /** Periods with issued factures, latest first. */
  periods: z.array(z.object({ period: z.string(), invoices: z.number().int() })),
  /** The association's « Demander un accusé de réception » default. */
  requestReceipt: z.boolean(),
});
export type MailSetup = z.infer<typeof mailSetupSchema>;

/** A single send's recipients: addresses of the resident's contacts or typed, checked in main. */
export const singleSendToSchema = z
  .array(z.string().trim().min(1).max(320))
  .min(1, 'Choisissez au moins un destinataire ou tapez une adresse.')
  .max(10, 'Dix destinataires au plus pour un envoi.');

export const mailPreviewInputSchema = z
  .object({
    invoiceId: id,
    docType: z.literal('facture'),
    /** Omitted: the association's default. */
    requestReceipt: z.boolean().optional(),
    generalAttachments: z.array(attachmentRefSchema).max(20).default([]),
    /** A single send's chosen addresses; omitted: the invoice addresses. */
    to: singleSendToSchema.optional(),
    /** The send's own subject and text, in place of the French template (French recipients). */
    message: templateTextSchema.optional(),
  })
  .strict();

export const mailPreviewSchema = z.object({
  invoiceId: id,
  senderMode: senderModeSchema,
  from: z.object({ name: z.string(), address: z.string() }),
  /** null: replies go to From. */
  replyTo: z.string().nullable(),
  to: z.array(z.object({ address: z.string(), name: z.string(), role: recipientRoleSchema })),
  /** Copies in the SMTP envelope only: no recipient sees them. */
  bcc: z.array(z.string()),
  /** The template's language: the first recipient's. */
  language: languageSchema,
  subject: z.string(),
  text: z.string(),
  attachments: z.array(presendAttachmentSchema),
  totalBytes: z.number().int().nonnegative(),
  /** Disposition-Notification-To goes to From's address when true. */
  requestReceipt: z.boolean(),
  /** Every invoice address already received it: this would be a second send. */
  resend: z.boolean(),
});
export type MailPreview = z.infer<typeof mailPreviewSchema>;
