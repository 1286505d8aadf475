// French texts of a resident's Facturation tab: GIR from a date, absences, débours.
import { formatDateFr, formatEuros } from '../../shared/money';

const days = (n: number) => `${n} jour${n > 1 ? 's' : ''}`;

export const frResidentBilling = {
  saveFirst:
    'Enregistrez d’abord le dossier du résident : ses absences, débours et évaluations GIR se saisissent ensuite ici.',
  reload: 'Recharger',
  cancel: 'Annuler',
  edit: 'Modifier',
  remove: 'Supprimer',
  confirmRemove: 'Confirmer la suppression',
  actions: 'Actions',
  gir: {
    validFrom: 'GIR à compter du',
    missing:
      'Indiquez la date à compter de laquelle le nouveau GIR s’applique (onglet Facturation).',
    validFromHelp: (previous: string) =>
      `Le GIR change (${previous} jusqu’ici) : indiquez la date de l’évaluation. Les mois précédents restent facturés avec l’ancien GIR.`,
    title: 'Évaluations GIR',
    none: (gir: number | null, admission: string) =>
      gir === null
        ? 'Aucune évaluation enregistrée : pas de tarif dépendance tant que le GIR n’est pas saisi.'
        : `Aucune évaluation enregistrée : le GIR ${gir} du dossier s’applique depuis l’entrée (${formatDateFr(admission)}).`,
    columns: { gir: 'GIR', group: 'Tarif dépendance', validFrom: 'À compter du' },
    add: 'Nouvelle évaluation GIR',
    newGir: 'GIR évalué',
    newValidFrom: 'Évaluation à compter du',
    save: 'Enregistrer l’évaluation',
    saved: 'Évaluation enregistrée.',
    errors: {
      gir: 'Choisissez le GIR évalué.',
      date: 'Indiquez la date à compter de laquelle ce GIR s’applique.',
    },
  },
  absences: {
    title: 'Absences',
    none: 'Aucune absence enregistrée.',
    kinds: {
      hospitalisation: 'Hospitalisation',
      convenances_personnelles: 'Convenances personnelles',
    },
    columns: { kind: 'Type', from: 'Du', to: 'Au', days: 'Durée' },
    ongoing: 'en cours',
    duration: (n: number, ongoing: boolean) => (ongoing ? `${days(n)} (en cours)` : days(n)),
    invoiced: 'Facture déjà émise',
    invoicedNote:
      'Une absence au moins tombe dans un mois déjà facturé : les factures déjà émises ne sont pas modifiées. La facture suivante n’en tient pas compte ; si nécessaire, corrigez la facture par un avoir depuis le journal des factures.',
    add: 'Nouvelle absence',
    editTitle: 'Modifier l’absence',
    kind: 'Type d’absence',
    start: 'Premier jour d’absence',
    end: 'Dernier jour d’absence (laisser vide si le résident n’est pas revenu)',
    save: 'Enregistrer l’absence',
    saved: 'Absence enregistrée.',
    removed: 'Absence supprimée.',
    errors: {
      start: 'Saisissez le premier jour d’absence.',
      order: 'Le dernier jour d’absence précède le premier : corrigez les dates.',
      beforeAdmission: (admission: string) =>
        `L’absence commence avant l’entrée du résident (${formatDateFr(admission)}).`,
      afterDischarge: (discharge: string) =>
        `L’absence doit finir avant la sortie du résident (${formatDateFr(discharge)}).`,
    },
  },
  debours: {
    title: 'Débours',
    intro: 'Frais avancés pour le résident (coiffeur, pharmacie…), refacturés au prix coûtant.',
    none: 'Aucun débours à facturer.',
    toInvoice: (cents: number) => `À facturer sur la prochaine facture : ${formatEuros(cents)}`,
    invoicedTitle: (n: number) => `Débours déjà facturés (${n})`,
    columns: { date: 'Date', label: 'Libellé', amount: 'Montant', invoice: 'Facture' },
    invoice: (number: string | null) =>
      number === null ? 'Facture en préparation' : `Facture ${number}`,
    add: 'Nouveau débours',
    editTitle: 'Modifier le débours',
    date: 'Date du débours',
    label: 'Libellé (coiffeur, pharmacie…)',
    amount: 'Montant en euros (exemple : 18,45)',
    save: 'Enregistrer le débours',
    saved: 'Débours enregistré.',
    removed: 'Débours supprimé.',
    errors: {
      date: 'Saisissez la date du débours.',
      label: 'Saisissez le libellé (exemple : Coiffeur).',
    },
  },
};
