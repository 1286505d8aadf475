// A single e-mail handed to this workstation's own mail program (Paramètres › Ce poste):
// mail:handover takes what « Envoyer par e-mail » would send and answers how the program got
// it, so the dialog can say what to do next (review and send it there; attach these files).
import { z } from 'zod';
import { mailSendInputSchema } from './mail-send';

export const handoverClientSchema = z.enum(['outlook', 'thunderbird', 'system']);
export type HandoverClient = z.infer<typeof handoverClientSchema>;

/** The same fields as a single send (one invoice, chosen addresses); the program is the
 * workstation's, never the caller's. Bulk sends always go through Pli's queue (mail:send). */
export const mailHandoverInputSchema = mailSendInputSchema.refine(
  (input) => input.to !== undefined && input.invoiceIds.length === 1,
  {
    message:
      'La messagerie de ce poste reçoit une seule facture à la fois, avec ses destinataires.',
    path: ['to'],
  },
);

export const mailHandoverSchema = z.object({
  client: handoverClientSchema,
  /** The message row written for it (its Message-ID and content stay in the journal). */
  messageRowId: z.number().int(),
  /** compose: Thunderbird's -compose or Outlook's /m; eml: a draft file; mailto: a link only. */
  way: z.enum(['compose', 'eml', 'mailto']),
  /** The private folder holding the message and its files (cleaned after 24 hours). */
  folder: z.string(),
  /** With `mailto`: the files the user attaches by hand, from `folder` (opened for them). */
  toAttach: z.array(z.string()),
  /** A receipt was asked but this way cannot carry it: tick it in the program. */
  receiptByHand: z.boolean(),
});
export type MailHandover = z.infer<typeof mailHandoverSchema>;
