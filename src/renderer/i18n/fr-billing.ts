// French texts of the Journal des factures: the monthly billing run, the journal, avoirs.
import type { InvoiceStatus } from '../../shared/contract';
import { formatEuros, formatPeriodFr } from '../../shared/money';

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
const factures = (n: number) => plural(n, 'facture');
/** French thousands grouping: « 252 013 ». */
const grouped = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

export const frBilling = {
  title: 'Journal des factures',
  intro:
    'Toutes les factures et tous les avoirs de l’association, par établissement et par période. Chaque facture envoyée par e-mail portera ici l’enveloppe de chaque envoi : en attente, envoyé, en échec, lu.',
  noFacility:
    'Aucun établissement n’est encore enregistré : l’administrateur doit d’abord en créer un.',
  filters: {
    label: 'Filtres du journal',
    facility: 'Établissement',
    period: 'Période',
    previous: 'Mois précédent',
    next: 'Mois suivant',
    search: 'Rechercher (résident, payeur, numéro)',
    drafts: 'Afficher les brouillons',
    allFacilities: 'Tous les établissements',
    allPeriods: 'Tous les mois',
  },
  run: {
    title: (period: string) => `Facturation du mois : ${formatPeriodFr(period)}`,
    none: 'La facturation de ce mois n’est pas encore préparée.',
    prepare: (period: string) => `Préparer la facturation de ${formatPeriodFr(period)}`,
    preparing: 'Calcul des factures…',
    draft: (count: number) =>
      `En préparation : ${factures(count)} en brouillon, pas encore émises.`,
    preparedBy: (user: string, at: string) =>
      `Calculée par ${user} le ${new Date(at).toLocaleString('fr-FR')}.`,
    issued: (count: number, at: string | null, user: string | null) =>
      `Émise${at ? ` le ${new Date(at).toLocaleDateString('fr-FR')}` : ''}${user ? ` par ${user}` : ''} : ${factures(count)}.`,
    range: (count: number, first: string, last: string) =>
      count === 1
        ? `1 facture émise, n° ${first}.`
        : `${count} factures émises, n° ${first} à ${last}.`,
    missingPdfs: (count: number) =>
      `${plural(count, 'PDF')} de facture n’${count > 1 ? 'ont' : 'a'} pas pu être enregistré${count > 1 ? 's' : ''} sur le partage. Vérifiez l’accès au dossier « factures » à côté de la base, puis rouvrez cette page : Pli les écrira.`,
    recompute: 'Recalculer',
    issue: (count: number) => `Émettre les ${factures(count)}`,
    reviewTitle: 'Vérification avant émission',
    thisMonth: 'Ce mois-ci',
    previousMonth: 'Mois précédent',
    difference: 'Différence',
    count: 'Nombre de factures',
    total: 'Total',
    newResidents: 'Nouveaux résidents',
    goneResidents: 'Résidents partis',
    nobody: 'aucun',
    problems: 'Points à vérifier',
    draftsCaption: (count: number) => `${factures(count)} en brouillon`,
    columns: {
      resident: 'Résident',
      room: 'Chambre',
      payer: 'Payeur',
      total: 'Total',
      previous: 'Mois précédent',
      difference: 'Écart',
    },
    newBadge: 'nouveau',
  },
  issueDialog: {
    title: (count: number, period: string) =>
      `Émettre les ${factures(count)} de ${formatPeriodFr(period)}`,
    warning:
      'L’émission est définitive : chaque facture reçoit son numéro, qui ne pourra être ni modifié ni réutilisé. Une erreur se corrigera ensuite par un avoir.',
    total: (cents: number) => `Total : ${formatEuros(cents)}`,
    date: 'Date d’émission',
    confirm: 'Émettre définitivement',
    issuing: 'Émission et écriture des PDF…',
    cancel: 'Annuler',
  },
  journal: {
    title: (period: string | null) =>
      period
        ? `Factures et avoirs de ${formatPeriodFr(period)}`
        : 'Factures et avoirs, toutes périodes',
    caption: (count: number) => `${grouped(count)} ligne${count > 1 ? 's' : ''} dans le journal`,
    /** How many invoices (and avoirs) the filters keep, all of them reachable by scrolling. */
    count: (count: number) =>
      count === 0 ? 'Aucune facture' : `${grouped(count)} facture${count > 1 ? 's' : ''}`,
    scroller: 'Factures du journal : flèches, Page suivante et Fin pour parcourir',
    loadingRow: (position: number) => `Chargement de la ligne ${grouped(position)}…`,
    empty: 'Aucune facture ne correspond à ces critères.',
    columns: {
      number: 'Numéro',
      date: 'Date',
      resident: 'Résident',
      payer: 'Payeur',
      amount: 'Montant',
      status: 'Statut',
      documents: 'Documents',
    },
    noNumber: '(brouillon)',
    creditOf: (number: string) => `sur n° ${number}`,
    details: 'Détails',
    detailsOf: (number: string) => `Détails de ${number}`,
  },
  statuses: {
    brouillon: 'Brouillon',
    emise: 'Émise',
    payee: 'Payée',
    partiellement_payee: 'Partiellement payée',
    annulee: 'Annulée par avoir',
    avoir: 'Avoir',
  } satisfies Record<InvoiceStatus, string>,
  pdf: {
    invoice: 'Voir le PDF',
    invoiceOf: (number: string) => `Voir le PDF de ${number}`,
    releve: 'Relevé de débours',
    releveOf: (number: string) => `Relevé de débours de ${number}`,
    opened: (fileName: string) => `${fileName} est ouvert dans la visionneuse de PDF.`,
  },
  detail: {
    label: 'Détail de la facture',
    title: (kind: 'facture' | 'avoir', number: string | null) =>
      `${kind === 'avoir' ? 'Avoir' : 'Facture'} ${number ? `n° ${number}` : '(brouillon)'}`,
    period: 'Période',
    payer: 'Payeur',
    due: 'Échéance',
    paid: 'Déjà payé',
    credits: (number: string) => `Avoir sur la facture n° ${number}`,
    linesCaption: 'Lignes de la facture',
    columns: {
      label: 'Libellé',
      quantity: 'Quantité',
      unit: 'Prix unitaire',
      amount: 'Montant',
      credited: 'Déjà crédité',
    },
    creditNotes: 'Avoirs',
    noCreditNotes: 'Aucun avoir sur cette facture.',
    createCredit: 'Établir un avoir',
    credited: (number: string | null, cents: number) =>
      `Avoir n° ${number ?? '?'} établi : ${formatEuros(cents)}.`,
    close: 'Fermer',
  },
  credit: {
    title: (number: string) => `Avoir sur la facture n° ${number}`,
    intro:
      'L’avoir reçoit le prochain numéro de l’établissement et ne pourra pas être supprimé. Il rend tout ou partie de la facture à la famille.',
    mode: 'Que faut-il créditer ?',
    all: 'Avoir total (tout ce qui reste sur la facture)',
    partial: 'Certaines lignes (quantités à rendre)',
    quantityOf: (label: string, max: number) => `Quantité à créditer : ${label} (au plus ${max})`,
    reason: 'Motif (imprimé sur l’avoir)',
    date: 'Date d’émission',
    confirm: 'Établir l’avoir',
    working: 'Établissement de l’avoir…',
    cancel: 'Annuler',
    total: (cents: number) => `Montant de l’avoir : ${formatEuros(cents === 0 ? 0 : -cents)}`,
  },
};
