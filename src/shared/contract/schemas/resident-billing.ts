// What a resident's Facturation tab records and shows: absences (hospitalisation, convenances
// personnelles), débours advanced for them, and their GIR evaluations from a date. Every write
// answers with the whole tab, so the page shows exactly what the file holds.
import { z } from 'zod';
import { TYPED_AMOUNT_LIMITS } from '../../money';
import { isoDate } from './fields';

const id = z.number().int().positive();

export const absenceKindSchema = z.enum(['hospitalisation', 'convenances_personnelles']);
export type AbsenceKindInput = z.infer<typeof absenceKindSchema>;

export const residentBillingRefSchema = z.object({ residentId: id }).strict();

export const absenceSaveInputSchema = z
  .object({
    residentId: id,
    id: id.nullable(),
    /** The version the user started from; null for a new absence. */
    version: id.nullable(),
    kind: absenceKindSchema,
    startDate: isoDate,
    /** Last day away, included; null while the resident is still away. */
    endDate: isoDate.nullable(),
  })
  .strict()
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'Le dernier jour d’absence précède le premier : corrigez les dates.',
  });

export const absenceDeleteInputSchema = z.object({ residentId: id, id, version: id }).strict();

const deboursValues = {
  date: isoDate,
  label: z.string().trim().min(1, 'Saisissez le libellé (exemple : Coiffeur).').max(120),
  amountCents: z
    .number()
    .int('Montant en centimes entiers attendu.')
    .min(TYPED_AMOUNT_LIMITS.minCents, 'Le montant doit être d’au moins 0,01 €.')
    .max(TYPED_AMOUNT_LIMITS.maxCents, 'Le montant ne peut pas dépasser 10 000 €.'),
};
/** What the user saw before changing a débours (it has no version column). */
export const deboursSnapshotSchema = z
  .object({ date: z.string(), label: z.string(), amountCents: z.number().int() })
  .strict();

export const deboursSaveInputSchema = z
  .object({ residentId: id, id: id.nullable(), expected: deboursSnapshotSchema.nullable() })
  .extend(deboursValues)
  .strict();

export const deboursDeleteInputSchema = z
  .object({ residentId: id, id, expected: deboursSnapshotSchema })
  .strict();

export const girSaveInputSchema = z
  .object({ residentId: id, validFrom: isoDate, gir: z.number().int().min(1).max(6) })
  .strict();

export const absenceSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  kind: absenceKindSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Days away so far: to the end date, or to today while still away. */
  days: z.number().int(),
  /** It shares a month with an invoice already issued, which stays as it is. */
  overlapsIssuedInvoice: z.boolean(),
});
export type Absence = z.infer<typeof absenceSchema>;

export const deboursSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  label: z.string(),
  amountCents: z.number().int(),
  /** Null while not invoiced: only then may it change. */
  invoiceId: z.number().int().nullable(),
  /** The invoice's number once issued; null on a draft. */
  invoiceNumber: z.string().nullable(),
});
export type Debours = z.infer<typeof deboursSchema>;

export const girEvaluationSchema = z.object({ validFrom: z.string(), gir: z.number().int() });
export type GirEvaluation = z.infer<typeof girEvaluationSchema>;

export const residentBillingSchema = z.object({
  residentId: z.number().int(),
  admissionDate: z.string(),
  dischargeDate: z.string().nullable(),
  gir: z.number().int().nullable(),
  absences: z.array(absenceSchema),
  debours: z.array(deboursSchema),
  girHistory: z.array(girEvaluationSchema),
});
export type ResidentBilling = z.infer<typeof residentBillingSchema>;
