// Relances: the overdue invoices grouped by payer (whom the invoice was addressed to, for one
// resident), with days late, the level reached and the next one; printing letters and sending
// the level's email for the ticked payers, both recorded so the level advances.
import { z } from 'zod';
import { mailBatchSchema } from './mail-queue';
import { passwordInputSchema } from './smtp';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reminderLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type ReminderLevel = z.infer<typeof reminderLevelSchema>;

export const remindersListInputSchema = z.object({ facilityId: id.nullable() }).strict();

export const overdueInvoiceSchema = z.object({
  id,
  number: z.string(),
  period: z.string(),
  dueDate: isoDate,
  totalCents: z.number().int(),
  /** Total less what was credited and paid. */
  dueCents: z.number().int(),
  daysLate: z.number().int(),
  /** The highest reminder already recorded for this invoice, 0 for none. */
  level: z.number().int().min(0).max(3),
});
export type OverdueInvoice = z.infer<typeof overdueInvoiceSchema>;

export const overduePayerSchema = z.object({
  /** `residentId|payerName`: stable across reloads, for selection. */
  key: z.string(),
  facilityId: id,
  facilityName: z.string(),
  residentId: id,
  residentName: z.string(),
  payerName: z.string(),
  invoices: z.array(overdueInvoiceSchema),
  dueCents: z.number().int(),
  daysLate: z.number().int(),
  level: z.number().int().min(0).max(3),
  nextLevel: reminderLevelSchema,
  lastReminderAt: z.string().nullable(),
  /** Email mode: the invoice addresses, or why this payer cannot be reminded by email. */
  emails: z.array(z.string()),
  emailIssue: z.string().nullable(),
});
export type OverduePayer = z.infer<typeof overduePayerSchema>;

const selectionSchema = z.array(id).min(1, 'Cochez au moins un payeur à relancer.').max(20000);

export const remindersPrintInputSchema = z.object({ invoiceIds: selectionSchema }).strict();

export const remindersPrintSchema = z.object({
  opened: z.boolean(),
  url: z.string().nullable(),
  fileName: z.string(),
  letters: z.number().int(),
});

export const remindersSendInputSchema = z
  .object({
    invoiceIds: selectionSchema,
    password: passwordInputSchema.optional(),
  })
  .strict();

export const remindersSendSchema = z.object({
  batches: z.array(mailBatchSchema),
  messages: z.number().int(),
});
