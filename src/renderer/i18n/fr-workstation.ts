// French texts of Paramètres › Ce poste: this workstation's own name and e-mail method.
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
  },
  later:
    'Outlook, Thunderbird et la messagerie par défaut arrivent avec une prochaine version. D’ici là, les envois ponctuels partent par le serveur d’envoi de Pli, quel que soit ce choix.',
  save: 'Enregistrer',
  saved: 'Préférences du poste enregistrées.',
  noName: 'Donnez un nom à ce poste.',
  longName: 'Le nom du poste tient en 80 caractères au plus.',
} as const;
