// French texts of the CSV import dialog.
import type { ImportPreview } from '../../shared/contract/schemas/import';

export const frImport = {
  title: 'Import de résidents et de leurs contacts',
  intro:
    'Choisissez l’export de votre ancien logiciel (colonnes séparées par des points-virgules, UTF-8 ou Windows). Rien n’est enregistré avant « Importer », et si une seule ligne est à corriger, rien n’est importé.',
  file: 'Fichier CSV',
  reading: 'Lecture du fichier…',
  tooBig:
    'Le fichier dépasse 10 Mo : enregistrez un export plus petit (par exemple un établissement à la fois).',
  detected: (preview: ImportPreview) => {
    const rows = preview.totalRows;
    return `Encodage : ${encodingLabels[preview.encoding]} · séparateur : ${delimiterLabels[preview.delimiter]} · ${rows} ligne${rows > 1 ? 's' : ''} de résidents`;
  },
  mappingTitle: 'Correspondance des colonnes',
  mappingHelp:
    'Pour chaque colonne du fichier, choisissez l’information de Pli qu’elle contient. Pli a fait une proposition d’après les titres : vérifiez-la.',
  column: 'Colonne du fichier',
  example: 'Exemple',
  target: 'Importer dans',
  selectLabel: (header: string) => `Colonne « ${header} »`,
  skip: 'Ne pas importer',
  facility: 'Établissement par défaut',
  facilityHelp: 'Pour les lignes sans établissement, ou si le fichier n’a pas cette colonne.',
  noFacility: '— Aucun : la colonne « Établissement » du fichier —',
  missing: 'À associer avant d’importer :',
  missingFacility: 'Établissement (une colonne, ou un établissement par défaut)',
  previewTitle: 'Premières lignes du fichier',
  line: 'Ligne',
  duplicates:
    'Ces personnes semblent déjà connues (homonymes possibles) ; elles seront tout de même importées :',
  errorList: 'Lignes à corriger',
  details: 'Détails',
  import: 'Importer',
  importing: 'Import en cours…',
  cancel: 'Annuler',
};

const encodingLabels: Record<ImportPreview['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows (ANSI, Windows-1252)',
  'utf-16le': 'Unicode (UTF-16)',
};
const delimiterLabels: Record<ImportPreview['delimiter'], string> = {
  ';': 'point-virgule',
  ',': 'virgule',
  '\t': 'tabulation',
};
