// « Envoyer » of Envoi groupé: the ticked invoices of a period become message rows and one batch
// of the send queue in a single step (all or nothing), and the failures of a batch with their
// reason in French, for the end of the progress panel and « Renvoyer les échecs ».
import { z } from 'zod';
import { periodSchema } from './billing';
import { attachmentRefSchema } from './mail-presend';
import { singleSendToSchema } from './mail-preview';
import { throttleSchema } from './mail-queue';
import { passwordInputSchema } from './smtp';
import { templateTextSchema } from './templates';

const id = z.number().int().positive();

export const mailSendInputSchema = z
  .object({
    facilityId: id,
    period: periodSchema,
    docType: z.literal('facture').default('facture'),
    invoiceIds: z.array(id).min(1, 'Cochez au moins une facture à envoyer.').max(5000),
    requestReceipt: z.boolean(),
    /** General attachments (mail:attach refs), joined to every message. */
    attachmentRefs: z.array(attachmentRefSchema).max(20).default([]),
    /** One invoice's own files, joined to its message only. */
    individualAttachments: z
      .array(z.object({ invoiceId: id, ref: attachmentRefSchema }).strict())
      .max(1000)
      .default([]),
    /** Omitted: the association's default pace. */
    throttle: throttleSchema.optional(),
    /** The sending account's password when it is not known on this workstation yet. */
    password: passwordInputSchema.optional(),
    /** « Envoyer par e-mail » of one invoice: the chosen or typed addresses. */
    to: singleSendToSchema.optional(),
    /** The batch's edited subject and text: French recipients get them, the others their
     * language's template. Omitted: every recipient gets their language's template. */
    message: templateTextSchema.optional(),
  })
  .strict()
  .refine((input) => input.to === undefined || input.invoiceIds.length === 1, {
    message: 'Choisir les destinataires n’est possible que pour une seule facture à la fois.',
    path: ['to'],
  });
export type MailSendInput = z.input<typeof mailSendInputSchema>;

/** Give a paused batch's account its password again (wrong or unknown), then resume it. */
export const mailUnlockInputSchema = z
  .object({ batchId: id, password: passwordInputSchema })
  .strict();

export const mailFailuresInputSchema = z.object({ batchId: id }).strict();

export const mailFailureSchema = z.object({
  messageId: id,
  invoiceNumber: z.string().nullable(),
  residentName: z.string().nullable(),
  to: z.array(z.string()),
  code: z.string().nullable(),
  /** French: what happened and what to do. */
  reason: z.string(),
  /** The server's reply as received, when there was one. */
  reply: z.string().nullable(),
});
export type MailFailure = z.infer<typeof mailFailureSchema>;
