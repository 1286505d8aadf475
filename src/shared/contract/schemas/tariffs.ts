// Each facility's tariffs (prix de journée, tarif dépendance by GIR group, over dated periods)
// and billing rules (absence thresholds and reductions, payment delay): the amounts and
// thresholds the monthly billing reads. Amounts cross the contract as integer cents; the page
// parses what the user typed ("68,50") before sending.
import { z } from 'zod';
import { isoDate } from './fields';

const facilityId = z.number().int().positive();
const cents = z
  .number()
  .int('Montant au centime près attendu.')
  .min(0, 'Le montant ne peut pas être négatif.')
  .max(1_000_000, 'Montant trop élevé (10 000 € au plus).');
const hours = z
  .number()
  .int('Nombre d’heures entier attendu.')
  .min(0, 'Le seuil ne peut pas être négatif.')
  .max(8760, 'Seuil trop élevé (une année au plus).');

export const tariffFieldsSchema = z
  .object({
    validFrom: isoDate,
    /** Last day included; null while no later tariff is known. */
    validTo: isoDate.nullable(),
    hebergementCents: cents,
    dependanceGir12Cents: cents,
    dependanceGir34Cents: cents,
    dependanceGir56Cents: cents,
  })
  .strict()
  .refine((t) => t.validTo === null || t.validTo >= t.validFrom, {
    path: ['validTo'],
    message: 'La date de fin doit être égale ou postérieure à la date de début.',
  });
export type TariffFields = z.output<typeof tariffFieldsSchema>;

export const tariffSchema = z.object({
  id: z.number().int(),
  facilityId: z.number().int(),
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  hebergementCents: z.number().int(),
  dependanceGir12Cents: z.number().int(),
  dependanceGir34Cents: z.number().int(),
  dependanceGir56Cents: z.number().int(),
  /** An issued invoice's period overlaps it: it can no longer change. */
  locked: z.boolean(),
  /** Not yet in force and unused: it may be deleted. */
  deletable: z.boolean(),
});
export type Tariff = z.infer<typeof tariffSchema>;

export const facilityRefInputSchema = z.object({ facilityId }).strict();

export const tariffSaveInputSchema = z
  .object({
    facilityId,
    /** null: a new tariff, which closes the one in force the day before it starts. */
    id: z.number().int().positive().nullable(),
    version: z.number().int().positive().nullable(),
    tariff: tariffFieldsSchema,
  })
  .strict();

export const tariffDeleteInputSchema = z
  .object({ id: z.number().int().positive(), version: z.number().int().positive() })
  .strict();

export const billingRulesFieldsSchema = z
  .object({
    hospitalisationThresholdHours: hours,
    hospitalisationReductionCents: cents,
    personalLeaveThresholdHours: hours,
    personalLeaveReductionCents: cents,
    billDependanceDuringAbsence: z.boolean(),
    dueDays: z
      .number()
      .int('Nombre de jours entier attendu.')
      .min(0, 'Le délai ne peut pas être négatif.')
      .max(365, 'Délai trop long (365 jours au plus).'),
  })
  .strict();
export type BillingRulesFields = z.output<typeof billingRulesFieldsSchema>;

export const billingRulesSchema = billingRulesFieldsSchema.extend({
  facilityId: z.number().int(),
  /** null: never saved, the defaults apply. */
  version: z.number().int().nullable(),
});
export type BillingRulesDetail = z.infer<typeof billingRulesSchema>;

export const billingRulesSaveInputSchema = z
  .object({
    facilityId,
    version: z.number().int().positive().nullable(),
    rules: billingRulesFieldsSchema,
  })
  .strict();
