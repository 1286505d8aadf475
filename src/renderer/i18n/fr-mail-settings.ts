// Paramètres › Envoi des e-mails: the association's sender and attachment settings.
export const frMailSettings = {
  title: 'Envoi des e-mails',
  label: 'Réglages d’envoi des e-mails',
  defaults:
    'Ces réglages n’ont pas encore été enregistrés : les valeurs par défaut s’appliquent. Saisissez l’adresse d’envoi puis enregistrez.',
  saved: 'Réglages d’envoi enregistrés.',
  save: 'Enregistrer',
  sender: 'Expéditeur',
  senderMode: 'Adresse d’envoi des messages',
  senderModes: {
    association: 'Une adresse commune à l’association',
    user: 'L’adresse de la personne connectée',
  },
  senderModeHelp: {
    association:
      'Tous les messages partent de l’adresse ci-dessous ; les familles voient le nom d’expéditeur de l’établissement (ou son nom).',
    user: 'Chaque message part de l’adresse de la personne connectée, affichée « Prénom Nom – Établissement ». Un utilisateur sans adresse e-mail ne peut pas envoyer.',
  },
  associationAddress: 'Adresse e-mail de l’association',
  associationName: 'Nom de l’association',
  replyTo: 'Adresse de réponse par défaut (vide : réponses à l’expéditeur)',
  replyToHelp: 'Une adresse de réponse saisie sur un établissement remplace celle-ci.',
  bccSender: 'Copie cachée à l’expéditeur de chaque message',
  requestReceipt: 'Demander un accusé de réception (coché par défaut à chaque envoi)',
  attachments: 'Pièces jointes',
  maxMessage: 'Taille maximale d’un message (Mo)',
  warnFile: 'Avertir au-delà de (Mo par fichier)',
  allowedTypes: 'Types de fichiers autorisés',
  badSize: (label: string) => `${label} : saisissez un nombre de Mo, par exemple 10 ou 1,5.`,
};
