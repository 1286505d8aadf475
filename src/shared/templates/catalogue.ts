// The fields an email template may use, in one place: their canonical `{{…}}` names (French,
// lowercase, as the office reads them), what each holds, and the names users bring from older
// billing software. Both the editor (validation while typing) and main (rendering) read this.

export const DOC_TYPES = [
  'facture',
  'relance1',
  'relance2',
  'mise_en_demeure',
  'envoi_ponctuel',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const TEMPLATE_LANGUAGES = ['fr', 'en', 'nl', 'de', 'es', 'it', 'pt'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const FIELD_NAMES = [
  'resident',
  'payeur',
  'payeur_civilite',
  'payeur_nom',
  'etablissement',
  'numero',
  'date',
  'periode',
  'montant',
  'echeance',
  'type_document',
  'expediteur',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What the field picker shows for each field, with an example of what it becomes. */
export const FIELD_LABELS: Record<FieldName, { label: string; example: string }> = {
  resident: { label: 'Résident (civilité, prénom, nom)', example: 'Mme Łucja Wiśniewska' },
  payeur: { label: 'Payeur, tel qu’imprimé sur la facture', example: 'M. Łukasz WIŚNIEWSKI' },
  payeur_civilite: { label: 'Civilité du payeur, en toutes lettres', example: 'Monsieur' },
  payeur_nom: { label: 'Prénom et nom du payeur', example: 'Łukasz WIŚNIEWSKI' },
  etablissement: { label: 'Établissement', example: 'EHPAD Les Tilleuls' },
  numero: { label: 'Numéro de la facture', example: 'TIL-2026-000123' },
  date: { label: 'Date de la facture', example: '01/10/2026' },
  periode: { label: 'Période facturée', example: 'septembre 2026' },
  montant: { label: 'Montant de la facture', example: '2 570,55 €' },
  echeance: { label: 'Date d’échéance', example: '31/10/2026' },
  type_document: { label: 'Type de document', example: 'facture' },
  expediteur: { label: 'Nom de l’expéditeur', example: 'Hélène Dubois' },
};

/**
 * Names from other software, written bare (`NUMFACT`, `{NUMFACT}`, `{{NUMFACT}}`): the
 * client is the payer, the "personne" the resident cared for.
 */
export const LEGACY_WORDS: Record<string, FieldName> = {
  NUMFACT: 'numero',
  DATEFACT: 'date',
  NOMCLIENT: 'payeur',
  TYPEDOC: 'type_document',
};
/** `&personne`, `&periode` (also `&période`). */
export const LEGACY_AMPERSAND: Record<string, FieldName> = {
  personne: 'resident',
  periode: 'periode',
};

/** Case, accents, spaces and hyphens do not matter inside braces: {{Période}} is {{periode}}. */
export function foldFieldName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const known = new Map<string, FieldName>([
  ...FIELD_NAMES.map((name) => [name, name] as const),
  ...Object.entries(LEGACY_WORDS).map(([word, name]) => [word.toLowerCase(), name] as const),
]);

/** The canonical field a name inside `{{…}}` stands for, or null when there is none. */
export function resolveFieldName(raw: string): FieldName | null {
  return known.get(foldFieldName(raw)) ?? null;
}
