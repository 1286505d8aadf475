// French texts of Paramètres › Modèles d’e-mails: each facility's subject and text per document
// type and language, the field picker, the preview with a real invoice.
import type { DocType, TemplateLanguage } from '../../shared/templates';

export const frTemplates = {
  title: 'Modèles d’e-mails',
  intro:
    'L’objet et le texte des e-mails envoyés aux familles, pour chaque établissement, type de document et langue du payeur. Les champs entre doubles accolades, comme {{numero}}, sont remplacés par les informations de chaque facture au moment de l’envoi.',
  readOnly: 'Votre profil (accueil) permet de consulter les modèles, pas de les modifier.',
  facility: 'Établissement',
  docType: 'Type de document',
  language: 'Langue',
  docTypes: {
    facture: 'Facture',
    relance1: 'Relance 1',
    relance2: 'Relance 2',
    mise_en_demeure: 'Mise en demeure',
    envoi_ponctuel: 'Envoi ponctuel',
  } satisfies Record<DocType, string>,
  languages: {
    fr: 'Français',
    en: 'Anglais',
    nl: 'Néerlandais',
    de: 'Allemand',
    es: 'Espagnol',
    it: 'Italien',
    pt: 'Portugais',
  } satisfies Record<TemplateLanguage, string>,
  customisedMark: ' (modifié)',
  editorLabel: 'Modèle d’e-mail',
  isDefault: 'Modèle par défaut de Pli : enregistrez-le pour l’adapter à cet établissement.',
  customised: (by: string | null, at: string | null) =>
    `Modèle propre à cet établissement${by ? `, modifié par ${by}` : ''}${at ? ` le ${new Date(at).toLocaleDateString('fr-FR')}` : ''}.`,
  subject: 'Objet',
  body: 'Texte du message',
  insertField: 'Insérer un champ',
  insertHelp: 'Le champ choisi est inséré à l’endroit du curseur, dans l’objet ou dans le texte.',
  chooseField: 'Choisir un champ…',
  issuesTitle: 'À corriger avant d’enregistrer :',
  save: 'Enregistrer',
  saved: 'Modèle enregistré.',
  reset: 'Revenir au modèle par défaut',
  confirmReset:
    'Remplacer le modèle de cet établissement par le modèle par défaut de Pli ? Le texte actuel sera perdu.',
  resetDone: 'Le modèle par défaut s’applique de nouveau.',
  unsaved: 'Modifications non enregistrées.',
  preview: {
    title: 'Aperçu avec une facture réelle',
    invoice: 'Facture',
    none: 'Aucune facture émise pour cet établissement : l’aperçu sera possible après la première facturation.',
    show: 'Afficher l’aperçu',
    subject: 'Objet',
    label: 'Aperçu du message',
    fixFirst: (count: number) =>
      count > 1
        ? `Corrigez les ${count} champs signalés ci-dessus pour voir l’aperçu.`
        : 'Corrigez le champ signalé ci-dessus pour voir l’aperçu.',
  },
} as const;
