// French texts of Paramètres › Tarifs et facturation: each facility's tariffs and billing rules.
import { formatDateFr } from '../../shared/money';

export const frTariffs = {
  title: 'Tarifs et facturation',
  intro:
    'Les prix et les règles que la facturation du mois applique à chaque établissement. Un tarif qui a servi à des factures émises ne peut plus changer : ajoutez un nouveau tarif à compter de la date du nouvel arrêté.',
  facility: 'Établissement',
  readOnly:
    'Votre profil (accueil) permet de consulter les tarifs et les règles, pas de les modifier.',
  tariffs: {
    title: 'Tarifs',
    label: 'Tarifs de l’établissement',
    none: 'Aucun tarif : la facturation de cet établissement est impossible tant qu’aucun tarif n’est saisi.',
    columns: {
      validFrom: 'À compter du',
      validTo: 'Jusqu’au',
      hebergement: 'Prix de journée',
      gir12: 'Dépendance GIR 1-2',
      gir34: 'Dépendance GIR 3-4',
      gir56: 'Dépendance GIR 5-6',
      actions: 'Actions',
    },
    noEnd: 'sans date de fin',
    locked: 'Facturé',
    lockedHelp: 'A servi à des factures émises : ne peut plus être modifié.',
    create: 'Nouveau tarif',
    edit: 'Modifier',
    delete: 'Supprimer',
    confirmDelete: (from: string) =>
      `Supprimer le tarif à compter du ${formatDateFr(from)} ? Le tarif précédent s’appliquera de nouveau à ces dates.`,
    formLabel: 'Saisie du tarif',
    newTitle: 'Nouveau tarif',
    editTitle: (from: string) => `Tarif à compter du ${formatDateFr(from)}`,
    newHelp:
      'Le tarif en vigueur à cette date s’arrêtera automatiquement la veille. Laissez « Jusqu’au » vide si la fin n’est pas encore connue.',
    fields: {
      validFrom: 'À compter du',
      validTo: 'Jusqu’au (facultatif)',
      hebergement: 'Prix de journée (€)',
      gir12: 'Dépendance GIR 1-2 (€)',
      gir34: 'Dépendance GIR 3-4 (€)',
      gir56: 'Dépendance GIR 5-6 (€)',
    },
    badAmount: (label: string) =>
      `${label} : saisissez un montant en euros, par exemple 68,50 (deux chiffres après la virgule au plus).`,
    missingDate: 'Saisissez la date à compter de laquelle le tarif s’applique.',
    saved: 'Tarif enregistré.',
    deleted: 'Tarif supprimé.',
    cancel: 'Annuler',
  },
  rules: {
    title: 'Règles de facturation',
    label: 'Règles de facturation de l’établissement',
    defaults:
      'Ces règles n’ont jamais été enregistrées pour cet établissement : les valeurs par défaut s’appliquent.',
    hospitalisation: 'Hospitalisation',
    personalLeave: 'Absences pour convenances personnelles',
    fields: {
      hospitalisationThresholdHours: 'Seuil d’hospitalisation (heures)',
      hospitalisationReduction: 'Réduction par jour au-delà : forfait journalier hospitalier (€)',
      personalLeaveThresholdHours: 'Seuil d’absence (heures)',
      personalLeaveReduction: 'Réduction par jour au-delà (€)',
      billDependanceDuringAbsence: 'Facturer la dépendance pendant les absences',
      dueDays: 'Délai de paiement (jours)',
    },
    thresholdHelp:
      'Les jours d’absence couverts par le seuil sont facturés comme des jours de présence (72 heures = 3 jours).',
    badNumber: (label: string) => `${label} : saisissez un nombre entier, par exemple 72.`,
    saved: 'Règles de facturation enregistrées.',
  },
  save: 'Enregistrer',
} as const;
