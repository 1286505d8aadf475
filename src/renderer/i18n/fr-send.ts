// French texts of « Envoi groupé »: the pre-send check of a period (the invoices that will go,
// those that will not and why), the general attachment, the accusé de réception, and « Aperçu
// du message », the exact email a family will receive.
import type { PresendReason } from '../../shared/contract';

const MEGABYTE = 1024 * 1024;

/** "2,4 Mo" / "350 ko", as the rest of Pli writes sizes (mail servers count 1 Mo = 1 048 576). */
export function formatSize(bytes: number): string {
  if (bytes >= MEGABYTE) {
    return `${(Math.round((bytes / MEGABYTE) * 10) / 10).toLocaleString('fr-FR')} Mo`;
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} ko`;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

export const frSend = {
  title: 'Envoi groupé',
  intro:
    'Envoyez les factures d’une période par e-mail aux familles. Pli vérifie d’abord chaque facture : celles qui partiront sont cochées, celles qui ne peuvent pas partir sont listées avec la raison et ce qu’il faut faire.',
  readOnly:
    'Vous pouvez consulter cette vérification, mais pas envoyer : votre fiche utilisateur n’a pas d’adresse e-mail ou votre profil ne permet pas l’envoi. Demandez à l’administrateur (Paramètres › Utilisateurs).',
  noFacility: 'Aucun établissement : créez-en un dans Paramètres › Établissements.',
  facility: 'Établissement',
  period: 'Période',
  periodOption: (label: string, count: number) =>
    `${label} (${plural(count, 'facture', 'factures')})`,
  noPeriod:
    'Aucune facture émise pour cet établissement : émettez d’abord les factures du mois dans le Journal des factures.',
  checking: 'Vérification des factures…',
  recheck: 'Vérifier à nouveau',
  summary: {
    label: 'Résultat de la vérification',
    ready: (n: number) => plural(n, 'facture prête', 'factures prêtes'),
    excluded: (n: number) => plural(n, 'facture ne partira pas', 'factures ne partiront pas'),
  },
  reasons: {
    no_address: 'Sans adresse e-mail',
    invalid_address: 'Adresse mal écrite',
    pdf_missing: 'PDF manquant',
    already_sent: 'Déjà envoyée',
    too_large: 'Pièces jointes trop lourdes',
  } satisfies Record<PresendReason, string>,
  columns: {
    send: 'Envoyer',
    number: 'N°',
    resident: 'Résident',
    addresses: 'Adresse(s)',
    attachments: 'Pièce(s) jointe(s)',
    amount: 'Montant',
    lastSent: 'Dernier envoi',
    reason: 'Raison',
    preview: 'Aperçu',
  },
  readyTitle: 'Factures qui partiront',
  readyEmpty: 'Aucune facture prête à partir pour cette période.',
  excludedTitle: 'Factures qui ne partiront pas',
  tickAll: 'Tout cocher',
  tickNone: 'Tout décocher',
  ticked: (n: number, total: number) => `${n} sur ${total} cochée${n > 1 ? 's' : ''}`,
  tickRow: (number: string) => `Envoyer la facture ${number}`,
  resendRow: (number: string) => `Envoyer à nouveau la facture ${number}`,
  resendHint: 'Cochez pour l’envoyer à nouveau.',
  previewRow: (number: string) => `Aperçu du message de la facture ${number}`,
  notSent: 'Jamais envoyée',
  sentOn: (iso: string) =>
    new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' }),
  missingFile: 'introuvable',
  receipt: 'Demander un accusé de réception',
  receiptHelp:
    'Le message demande à la messagerie de la famille de confirmer sa lecture ; beaucoup de messageries ne le font pas, ou seulement si la personne accepte.',
  general: {
    title: 'Pièce jointe pour tous les messages',
    help: (types: string) =>
      `Par exemple la lettre d’information de la résidence. Fichiers acceptés : ${types}. Au-delà de 1 Mo, certaines messageries les reçoivent mal.`,
    choose: 'Ajouter une pièce jointe à tous les messages',
    adding: 'Ajout de la pièce jointe…',
    remove: (name: string) => `Retirer ${name}`,
    removeLabel: 'Retirer',
  },
  send: {
    button: (n: number) => `Envoyer ${plural(n, 'facture', 'factures')}`,
    none: 'Cochez au moins une facture à envoyer.',
  },
  preview: {
    title: 'Aperçu du message',
    choose:
      'Choisissez « Aperçu » sur une ligne pour voir le message exact que la famille recevra.',
    loading: 'Préparation de l’aperçu…',
    of: (number: string, resident: string) => `Facture ${number} – ${resident}`,
    close: 'Fermer l’aperçu',
    from: 'De',
    replyTo: 'Répondre à',
    replyToSame: 'l’expéditeur',
    to: 'À',
    cc: 'Copie',
    bcc: 'Copie cachée',
    none: 'aucune',
    subject: 'Objet',
    attachments: 'Pièces jointes',
    receipt: (address: string) => `Accusé de réception demandé, à renvoyer à ${address}`,
    noReceipt: 'Pas d’accusé de réception demandé',
    language: (name: string) => `Modèle en ${name}, la langue du premier destinataire.`,
    resend: 'Toutes les adresses ont déjà reçu cette facture : ce serait un second envoi.',
    senderMode: {
      association: 'Envoyé depuis l’adresse de l’association.',
      user: 'Envoyé depuis votre adresse.',
    },
    roles: {
      resident: 'résident',
      famille: 'famille',
      tuteur: 'tuteur',
      mandataire: 'mandataire',
      autre: 'autre',
    },
    languages: {
      fr: 'français',
      en: 'anglais',
      nl: 'néerlandais',
      de: 'allemand',
      es: 'espagnol',
      it: 'italien',
      pt: 'portugais',
    },
  },
  /** Paramètres › Ce poste hands single e-mails to a mail program; bulk sends never. */
  bulkViaPli:
    'Les envois groupés partent toujours par le serveur d’envoi de Pli, même si ce poste remet les e-mails ponctuels à Outlook, Thunderbird ou la messagerie : pas une fenêtre par facture.',
  fix: {
    MAIL_SENDER_NOT_SET: {
      to: '/parametres/envoi',
      label: 'Ouvrir Paramètres › Envoi des e-mails',
    },
    MAIL_SENDER_NO_EMAIL: {
      to: '/parametres/utilisateurs',
      label: 'Ouvrir Paramètres › Utilisateurs',
    },
    TEMPLATE_UNKNOWN_FIELD: {
      to: '/parametres/modeles',
      label: 'Ouvrir Paramètres › Modèles d’e-mails',
    },
    MAIL_CLIENT_NOT_FOUND: { to: '/parametres/poste', label: 'Choisir le programme… (Ce poste)' },
    MAIL_CLIENT_PATH_INVALID: {
      to: '/parametres/poste',
      label: 'Choisir le programme… (Ce poste)',
    },
  },
  templateHint:
    'Le modèle d’e-mail de cet établissement contient ces champs : corrigez-le dans Paramètres › Modèles d’e-mails, puis rouvrez l’aperçu.',
} as const;
