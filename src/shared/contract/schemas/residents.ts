// Residents and their payer contacts (famille, tuteur, mandataire judiciaire) as they cross
// the contract.
import { z } from 'zod';
import { isoDate, languageSchema, optionalEmailField } from './fields';
import { isOneLine } from './mail';

export const contactRoleSchema = z.enum(['famille', 'tuteur', 'mandataire']);
export const civiliteSchema = z.enum(['M.', 'Mme']);

const text = (max: number) => z.string().trim().max(max);
// Names end in the To header of every invoice email and in its subject: one line only.
const name = (max: number) =>
  text(max).refine(isOneLine, 'Un nom tient sur une seule ligne, sans retour à la ligne.');

export const contactInputSchema = z
  .object({
    id: z.number().int().positive().nullable(),
    role: contactRoleSchema,
    civilite: z.enum(['', 'M.', 'Mme']),
    nom: name(100).min(1, 'Saisissez le nom du contact.'),
    prenom: name(100),
    relationship: text(60),
    email: optionalEmailField,
    phone: text(30),
    addressLine1: text(120),
    addressLine2: text(120),
    postalCode: text(12),
    city: text(80),
    country: text(60),
    language: languageSchema,
    receivesInvoices: z.boolean(),
  })
  .strict();
export type ContactInput = z.input<typeof contactInputSchema>;
export type Contact = z.output<typeof contactInputSchema> & { id: number };

export const residentInputSchema = z
  .object({
    facilityId: z.number().int().positive(),
    civilite: civiliteSchema,
    nom: name(100).min(1, 'Saisissez le nom du résident.'),
    prenom: name(100).min(1, 'Saisissez le prénom du résident.'),
    dateNaissance: isoDate.nullable(),
    room: text(20),
    admissionDate: isoDate,
    dischargeDate: isoDate.nullable(),
    gir: z.number().int().min(1).max(6).nullable(),
    language: languageSchema,
    email: optionalEmailField,
    receivesInvoices: z.boolean(),
    notes: text(2000),
    contacts: z.array(contactInputSchema).max(12),
  })
  .strict()
  .superRefine((resident, ctx) => {
    const invoiceAddresses =
      (resident.receivesInvoices ? 1 : 0) +
      resident.contacts.filter((c) => c.receivesInvoices).length;
    if (invoiceAddresses > 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['contacts'],
        message: 'Deux adresses au plus peuvent recevoir les factures.',
      });
    }
    if (resident.receivesInvoices && resident.email === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Saisissez l’adresse e-mail du résident ou décochez « Reçoit les factures ».',
      });
    }
    if (resident.dischargeDate !== null && resident.dischargeDate < resident.admissionDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['dischargeDate'],
        message: 'La date de sortie précède la date d’entrée.',
      });
    }
  });
export type ResidentInput = z.input<typeof residentInputSchema>;

const stamp = z.object({ userName: z.string(), workstation: z.string(), at: z.string() });

export const residentSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  facilityId: z.number().int(),
  civilite: civiliteSchema,
  nom: z.string(),
  prenom: z.string(),
  dateNaissance: z.string().nullable(),
  room: z.string(),
  admissionDate: z.string(),
  dischargeDate: z.string().nullable(),
  gir: z.number().int().nullable(),
  language: languageSchema,
  email: z.string().nullable(),
  receivesInvoices: z.boolean(),
  notes: z.string(),
  archivedAt: z.string().nullable(),
  contacts: z.array(
    contactInputSchema.safeExtend({ id: z.number().int(), email: z.string().nullable() }),
  ),
  lastChange: stamp.nullable(),
  /** Other residents with the same folded name: possible duplicates to check. */
  duplicates: z.array(
    z.object({ id: z.number().int(), name: z.string(), facilityName: z.string() }),
  ),
});
export type Resident = z.infer<typeof residentSchema>;

export const residentRowSchema = z.object({
  id: z.number().int(),
  facilityId: z.number().int(),
  facilityName: z.string(),
  civilite: civiliteSchema,
  nom: z.string(),
  prenom: z.string(),
  room: z.string(),
  admissionDate: z.string(),
  dischargeDate: z.string().nullable(),
  gir: z.number().int().nullable(),
  invoiceEmails: z.array(z.string()),
  archived: z.boolean(),
  duplicate: z.boolean(),
});
export type ResidentRow = z.infer<typeof residentRowSchema>;

export const residentListInputSchema = z
  .object({
    search: z.string().max(100).default(''),
    facilityId: z.number().int().positive().nullable().default(null),
    status: z.enum(['present', 'departed', 'archived', 'all']).default('present'),
  })
  .strict();

export const residentSaveInputSchema = z
  .object({
    id: z.number().int().positive().nullable(),
    /** The version the user started editing from; null for a new resident. */
    version: z.number().int().positive().nullable(),
    resident: residentInputSchema,
    /** When a changed GIR applies from (its evaluation); today when absent. */
    girValidFrom: isoDate.optional(),
  })
  .strict();

export const residentRefInputSchema = z
  .object({ id: z.number().int().positive(), version: z.number().int().positive() })
  .strict();

export const facilitySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['ehpad', 'residence_autonomie']),
});
export type Facility = z.infer<typeof facilitySchema>;
