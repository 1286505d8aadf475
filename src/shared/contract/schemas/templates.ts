// Email templates per facility × document type × language: which ones a facility changed, one
// template (the facility's own or the shipped default), saving (refused while any field is
// unknown), resetting to the default, and a preview filled with a real issued invoice.
import { z } from 'zod';
import { DOC_TYPES, TEMPLATE_LANGUAGES } from '../../templates/catalogue';

export const docTypeSchema = z.enum(DOC_TYPES);
export const templateLanguageSchema = z.enum(TEMPLATE_LANGUAGES);

const facilityId = z.number().int().positive();
const key = { facilityId, docType: docTypeSchema, language: templateLanguageSchema };

export const templateKeySchema = z.object(key).strict();

const subject = z
  .string()
  .trim()
  .min(1, 'Saisissez l’objet du message.')
  .max(300, 'Objet trop long : 300 caractères au plus.')
  .refine(
    (text) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(text),
    'L’objet doit tenir sur une seule ligne, sans retour à la ligne.',
  );
const body = z
  .string()
  .min(1, 'Saisissez le texte du message.')
  .max(20_000, 'Texte trop long : 20 000 caractères au plus.');

export const templateSummarySchema = z.object({
  docType: docTypeSchema,
  language: templateLanguageSchema,
  /** The facility changed it; false: the shipped default applies. */
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateSchema = templateSummarySchema.extend({
  facilityId: z.number().int(),
  subject: z.string(),
  body: z.string(),
  /** null: the default applies (no row yet). */
  version: z.number().int().nullable(),
});
export type EmailTemplate = z.infer<typeof templateSchema>;

/** A template's subject and text, checked as a save checks them (an edit of one send, too). */
export const templateTextSchema = z.object({ subject, body }).strict();

export const templateSaveInputSchema = z
  .object({ ...key, version: z.number().int().positive().nullable(), subject, body })
  .strict();

export const templateResetInputSchema = z
  .object({ ...key, version: z.number().int().positive().nullable() })
  .strict();

export const templateIssueSchema = z.object({
  part: z.enum(['subject', 'body']),
  kind: z.enum(['unknown', 'empty', 'unclosed']),
  raw: z.string(),
  index: z.number().int(),
  length: z.number().int(),
  suggestion: z.string().nullable(),
  /** In French, ready to show. */
  message: z.string(),
});

export const templatePreviewInputSchema = z
  .object({
    ...key,
    subject: z.string().max(300),
    body: z.string().max(20_000),
    invoiceId: z.number().int().positive(),
  })
  .strict();

export const templatePreviewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), subject: z.string(), text: z.string() }),
  z.object({ ok: z.literal(false), issues: z.array(templateIssueSchema) }),
]);
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;

/** An issued invoice the preview can be filled with. */
export const templateSampleSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  period: z.string(),
  residentName: z.string(),
  totalCents: z.number().int(),
});
export type TemplateSample = z.infer<typeof templateSampleSchema>;

export const templateFacilityInputSchema = z.object({ facilityId }).strict();
