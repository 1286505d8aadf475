// French text of « Envoyer par e-mail »: one issued invoice sent to chosen contacts or a typed
// address, from the journal's invoice panel.
export const frSingleSend = {
  open: 'Envoyer par e-mail',
  title: (number: string | null) => `Envoyer la facture ${number ?? ''} par e-mail`.trim(),
  recipients: 'Destinataires',
  noCandidate: 'Ni le résident ni ses contacts n’ont d’adresse e-mail : tapez une adresse.',
  invoiceAddress: 'reçoit les factures',
  other: 'Autre adresse',
  add: 'Ajouter l’adresse',
  invalid: (address: string) => `« ${address} » n’est pas une adresse e-mail valide.`,
  receipt: 'Demander un accusé de réception',
  method: 'Envoyé par le serveur d’envoi de Pli, comme l’envoi groupé.',
  /** The workstation hands single e-mails to its own mail program (Paramètres › Ce poste). */
  external: {
    outlook: 'Ce poste remet le message à Outlook : vous le relisez et l’envoyez depuis Outlook.',
    thunderbird:
      'Ce poste remet le message à Thunderbird : vous le relisez et l’envoyez depuis Thunderbird.',
    system:
      'Ce poste remet le message à la messagerie de l’ordinateur : vous le relisez et l’envoyez depuis celle-ci.',
  },
  handTo: {
    outlook: 'Ouvrir dans Outlook',
    thunderbird: 'Ouvrir dans Thunderbird',
    system: 'Ouvrir dans la messagerie',
  },
  handing: 'Ouverture dans la messagerie…',
  handed: {
    outlook:
      'Le message est ouvert dans Outlook, avec ses pièces jointes : relisez-le et envoyez-le depuis Outlook. Le journal indique « Remis à Outlook ».',
    thunderbird:
      'Le message est ouvert dans Thunderbird, avec ses pièces jointes : relisez-le et envoyez-le depuis Thunderbird. Le journal indique « Remis à Thunderbird ».',
    system:
      'Le message est ouvert dans la messagerie de l’ordinateur : relisez-le et envoyez-le depuis celle-ci. Le journal indique « Remis à la messagerie ».',
  },
  attachByHand: (folder: string) =>
    `La messagerie n’a reçu que le texte : joignez vous-même ces fichiers, depuis le dossier ouvert (${folder}) :`,
  receiptByHand:
    'Pensez à demander l’accusé de réception dans la messagerie (cette méthode ne le transmet pas).',
  viaPli: 'Envoyer par Pli',
  close: 'Fermer',
  preview: 'Aperçu du message',
  hidePreview: 'Masquer l’aperçu',
  previewLabel: 'Aperçu du message',
  loading: 'Préparation de l’aperçu…',
  none: 'Cochez au moins un destinataire ou ajoutez une adresse.',
  send: (count: number) => (count > 1 ? `Envoyer à ${count} destinataires` : 'Envoyer'),
  sending: 'Mise en file d’attente…',
  cancel: 'Annuler',
  to: 'À',
  subject: 'Objet',
  attachments: 'Pièces jointes',
} as const;
