// CSV import of residents and their contacts as it crosses the contract: the fields a file's
// column can feed (with the French label the mapping table shows), the file sent as base64,
// the preview, and the result.
import { z } from 'zod';

/** The largest file accepted, before base64 (an export of a few thousand residents is ~1 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const residentLabels = {
  facility: 'Établissement (code ou nom)',
  civilite: 'Civilité du résident',
  nom: 'Nom du résident',
  prenom: 'Prénom du résident',
  dateNaissance: 'Date de naissance',
  room: 'Chambre',
  admissionDate: 'Date d’entrée',
  dischargeDate: 'Date de sortie',
  gir: 'GIR',
  language: 'Langue',
  email: 'E-mail du résident',
  receivesInvoices: 'Le résident reçoit les factures',
  notes: 'Notes',
} as const;

const contactLabels = {
  role: 'Rôle du contact {n} (famille, tuteur, mandataire)',
  civilite: 'Civilité du contact {n}',
  nom: 'Nom du contact {n}',
  prenom: 'Prénom du contact {n}',
  relationship: 'Lien du contact {n} (fils, fille…)',
  email: 'E-mail du contact {n}',
  phone: 'Téléphone du contact {n}',
  addressLine1: 'Adresse du contact {n}',
  addressLine2: 'Complément d’adresse du contact {n}',
  postalCode: 'Code postal du contact {n}',
  city: 'Ville du contact {n}',
  receivesInvoices: 'Le contact {n} reçoit les factures',
} as const;

export type ResidentImportField = keyof typeof residentLabels;
export type ContactImportKey = keyof typeof contactLabels;
export type ContactNumber = 1 | 2;
export type ImportField = ResidentImportField | `contact${ContactNumber}.${ContactImportKey}`;
export type ImportGroup = 'resident' | 'contact1' | 'contact2';

export interface ImportFieldInfo {
  id: ImportField;
  label: string;
  group: ImportGroup;
}

export const importGroupLabels: Record<ImportGroup, string> = {
  resident: 'Résident',
  contact1: 'Contact 1 (famille, tuteur ou mandataire)',
  contact2: 'Contact 2 (famille, tuteur ou mandataire)',
};

/** Every field a column can feed, in the order the mapping menu lists them. */
export const importFields: readonly ImportFieldInfo[] = [
  ...Object.entries(residentLabels).map(([id, label]) => ({
    id: id as ResidentImportField,
    label,
    group: 'resident' as const,
  })),
  ...([1, 2] as const).flatMap((n) =>
    Object.entries(contactLabels).map(([key, label]) => ({
      id: `contact${n}.${key as ContactImportKey}` as const,
      label: label.replace('{n}', String(n)),
      group: `contact${n}` as const,
    })),
  ),
];

/** Without these a line cannot become a resident, whatever the file holds. */
export const requiredImportFields: readonly ImportField[] = [
  'civilite',
  'nom',
  'prenom',
  'admissionDate',
];

/**
 * Required fields no column feeds yet, so the dialog and the import say it once rather than
 * on every line: the resident's, and a contact's name once any of that contact's columns is
 * chosen (a contact without a name cannot be saved).
 */
export function missingImportFields(mapping: readonly (ImportField | null)[]): ImportField[] {
  const missing = requiredImportFields.filter((field) => !mapping.includes(field));
  for (const n of [1, 2] as const) {
    const used = mapping.some((field) => field?.startsWith(`contact${n}.`));
    if (used && !mapping.includes(`contact${n}.nom`)) missing.push(`contact${n}.nom`);
  }
  return missing;
}

export function importFieldLabel(id: ImportField): string {
  return importFields.find((field) => field.id === id)?.label ?? id;
}

export const importFieldSchema = z.enum(
  importFields.map((field) => field.id) as [ImportField, ...ImportField[]],
);

/** One entry per column of the file, in order: the field it feeds, or null to skip it. */
export const importMappingSchema = z
  .array(importFieldSchema.nullable())
  .max(500)
  .superRefine((mapping, ctx) => {
    const seen = new Set<ImportField>();
    for (const field of mapping) {
      if (field === null) continue;
      if (seen.has(field)) {
        ctx.addIssue({
          code: 'custom',
          message: `« ${importFieldLabel(field)} » est choisi pour deux colonnes : gardez-en une seule.`,
        });
      }
      seen.add(field);
    }
  });
export type ImportMapping = z.infer<typeof importMappingSchema>;

const contentBase64 = z
  .string()
  .min(1, 'Choisissez un fichier.')
  .max(
    MAX_BASE64_CHARS,
    'Le fichier dépasse 10 Mo : enregistrez un export plus petit (par exemple un établissement à la fois).',
  )
  .regex(
    /^[A-Za-z0-9+/]*={0,2}$/,
    'Le fichier n’a pas été transmis correctement : choisissez-le à nouveau.',
  );

export const importPreviewInputSchema = z.object({ contentBase64 }).strict();

export const importInputSchema = z
  .object({
    contentBase64,
    mapping: importMappingSchema,
    /** For lines whose établissement column is empty, or files without one. */
    defaultFacilityId: z.number().int().positive().nullable(),
  })
  .strict();

export const importEncodingSchema = z.enum(['utf-8', 'windows-1252', 'utf-16le']);
export type ImportEncoding = z.infer<typeof importEncodingSchema>;
export const importDelimiterSchema = z.enum([';', ',', '\t']);
export type ImportDelimiter = z.infer<typeof importDelimiterSchema>;

export const importPreviewSchema = z.object({
  encoding: importEncodingSchema,
  delimiter: importDelimiterSchema,
  headers: z.array(z.string()),
  /** The first lines, with their line number in the file. */
  sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  totalRows: z.number().int(),
  /** The suggested mapping, from the column titles. */
  mapping: importMappingSchema,
  /** Lines whose name is already in Pli or earlier in the file: to check, not blocking. */
  duplicates: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  contacts: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
