// French texts of Paramètres › Ce poste: this workstation's own name, e-mail method and the
// mail programs it hands single e-mails to.
import type { MailMethod } from '../../shared/contract';

type Program = Exclude<MailMethod, 'smtp' | 'system'>;

const PROGRAM_NAMES: Record<Program, string> = { outlook: 'Outlook', thunderbird: 'Thunderbird' };

export const frWorkstation = {
  title: 'Ce poste',
  label: 'Préférences de ce poste',
  intro:
    'Ces réglages ne valent que pour cet ordinateur : ils sont gardés sur ce poste, pas dans la base partagée.',
  name: 'Nom du poste',
  nameHint:
    'Affiché dans l’historique des modifications et sur les enveloppes du journal : « envoyé depuis le poste … ».',
  method: 'Méthode d’envoi des e-mails ponctuels',
  methods: {
    smtp: 'Pli (serveur d’envoi de l’association)',
    outlook: 'Outlook',
    thunderbird: 'Thunderbird',
    system: 'Messagerie par défaut de l’ordinateur',
  } satisfies Record<MailMethod, string>,
  handover:
    'Avec Outlook, Thunderbird ou la messagerie par défaut, « Envoyer par e-mail » ouvre le message prêt, avec ses pièces jointes, dans ce programme : vous le relisez et l’envoyez depuis celui-ci. Le journal indique « Remis à … ». Les envois groupés partent toujours par Pli.',
  program: (name: Program) => `Programme ${PROGRAM_NAMES[name]}`,
  found: (path: string) => `Trouvé sur ce poste : ${path}`,
  chosen: (path: string) => `Choisi pour ce poste : ${path}`,
  missing: (name: Program) =>
    `${PROGRAM_NAMES[name]} est introuvable sur ce poste : indiquez son emplacement avec « Choisir le programme… », ou choisissez Pli.`,
  choose: 'Choisir le programme…',
  browse: 'Parcourir…',
  path: (name: Program) => `Chemin complet de ${PROGRAM_NAMES[name]}`,
  pathHint: (name: Program) =>
    name === 'outlook'
      ? 'Par exemple C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE. Laissez vide pour que Pli le cherche.'
      : 'Par exemple C:\\Program Files\\Mozilla Thunderbird\\thunderbird.exe, ou /usr/bin/thunderbird. Laissez vide pour que Pli le cherche.',
  systemHint:
    'Pli ouvre le message (.eml) avec le programme associé ; s’il n’y en a pas, un lien mailto: et le dossier des pièces jointes à joindre vous-même.',
  save: 'Enregistrer',
  saved: 'Préférences du poste enregistrées.',
  noName: 'Donnez un nom à ce poste.',
  longName: 'Le nom du poste tient en 80 caractères au plus.',
  relative: 'Indiquez le chemin complet du programme (il commence par C:\\ ou /).',
} as const;
