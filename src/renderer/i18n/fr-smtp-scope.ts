// French texts of the « Serveur utilisé par » selector of Paramètres › Serveur d’envoi.
export const frSmtpScope = {
  scope: 'Serveur utilisé par',
  association: 'l’association (tous les établissements)',
  ownServers: (names: string) => `Établissements qui ont leur propre serveur : ${names}.`,
  noOwnServer:
    'Tous les établissements envoient par le serveur de l’association. Choisissez un établissement ci-dessus pour lui donner son propre serveur.',
  inherits: (host: string) =>
    host === ''
      ? 'Cet établissement utilise le serveur de l’association, qui n’est pas encore réglé (Mode test).'
      : `Cet établissement utilise le serveur de l’association (${host}).`,
  giveOwn: 'Donner à cet établissement son propre serveur',
  own: 'Cet établissement envoie par son propre serveur, réglé ci-dessous. Les autres gardent celui de l’association.',
  backToAssociation: 'Revenir au serveur de l’association',
  removed: 'Cet établissement utilise de nouveau le serveur de l’association.',
} as const;
