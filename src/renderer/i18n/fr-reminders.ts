// French texts of « Relances »: the overdue invoices by payer, the two modes (courrier, e-mail),
// the letters' PDF and the emails of the level reached.
const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

const LEVELS = ['aucune', 'Relance 1', 'Relance 2', 'Mise en demeure'] as const;

export const frReminders = {
  title: 'Relances',
  intro:
    'Les factures dont l’échéance est passée et qui restent à payer, regroupées par payeur. Chaque relance imprimée ou envoyée est enregistrée et fait monter le niveau de relance du payeur : relance 1, relance 2, puis mise en demeure.',
  readOnly:
    'Vous pouvez consulter les impayés, mais pas relancer : votre profil ne le permet pas. Demandez à l’administrateur (Paramètres › Utilisateurs).',
  facility: 'Établissement',
  allFacilities: 'Tous les établissements',
  mode: {
    legend: 'Mode de relance',
    print: 'Mode courrier',
    email: 'Mode e-mail',
  },
  loading: 'Recherche des factures impayées…',
  empty: 'Aucune facture impayée en retard : il n’y a personne à relancer.',
  emailExcludedTitle: 'Payeurs sans adresse e-mail utilisable',
  emailExcludedIntro:
    'Ces payeurs ne recevront pas de relance par e-mail : relancez-les en mode courrier, ou corrigez leur adresse dans la fiche du résident.',
  tickAll: 'Tout cocher',
  tickNone: 'Tout décocher',
  ticked: (n: number, of: number) => `${plural(n, 'payeur coché', 'payeurs cochés')} sur ${of}`,
  tickRow: (payer: string, resident: string) => `Relancer ${payer} (${resident})`,
  columns: {
    tick: 'Relancer',
    payer: 'Payeur',
    resident: 'Résident',
    facility: 'Établissement',
    invoices: 'Factures impayées',
    due: 'Reste à payer',
    late: 'Retard',
    level: 'Niveau atteint',
    next: 'Niveau de cette relance',
    addresses: 'Adresse(s) e-mail',
    reason: 'Raison',
  },
  level: (level: number) => LEVELS[level] ?? LEVELS[0],
  previous: (level: string) => `déjà : ${level}`,
  lastOn: (iso: string) =>
    `le ${new Date(iso).toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' })}`,
  days: (n: number) => plural(n, 'jour', 'jours'),
  invoiceDue: (due: string, amount: string) => `échéance ${due} · ${amount}`,
  print: 'Imprimer les lettres',
  send: 'Envoyer les relances',
  printing: 'Préparation des lettres…',
  sending: 'Création des e-mails de relance…',
  printed: (letters: number, file: string) =>
    `${plural(letters, 'lettre prête', 'lettres prêtes')} (${file}). Les relances sont enregistrées.`,
  openedIn: (letters: number, file: string) =>
    `${plural(letters, 'lettre ouverte', 'lettres ouvertes')} dans votre lecteur PDF (${file}). Les relances sont enregistrées.`,
  openAgain: 'Ouvrir le PDF des lettres',
  sent: (n: number) =>
    `${plural(n, 'relance mise', 'relances mises')} en file d’envoi. Suivez l’envoi dans le panneau de progression.`,
  none: 'Cochez au moins un payeur.',
  passwordTitle: 'Mot de passe du compte d’envoi',
  cancel: 'Annuler',
} as const;
