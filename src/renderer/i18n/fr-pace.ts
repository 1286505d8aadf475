// French texts of the « Cadence d’envoi » section of Paramètres › Envoi des e-mails.
export const frPace = {
  title: 'Cadence d’envoi',
  label: 'Cadence d’envoi par défaut',
  intro:
    'Chaque envoi groupé démarre à cette cadence ; pendant l’envoi, vous pouvez le ralentir ou l’accélérer depuis son suivi. Une cadence trop rapide fait refuser les messages par le fournisseur.',
  interval: 'Délai entre deux messages (secondes)',
  pauseEvery: 'Pause après chaque groupe de N messages (0 : jamais)',
  pauseSeconds: 'Durée de la pause (secondes)',
  dailyCap: 'Plafond quotidien par compte (vide = celui du fournisseur)',
  save: 'Enregistrer la cadence',
  saved: 'Cadence d’envoi enregistrée.',
  badInterval: 'Délai entre deux messages : saisissez un nombre de secondes entre 0 et 600.',
  badPauseEvery:
    'Pause après chaque groupe : saisissez un nombre entier de messages, 0 pour aucune pause.',
  badPause: 'Durée de la pause : saisissez un nombre de secondes entre 0 et 3600.',
  badDailyCap:
    'Plafond quotidien : saisissez un nombre entier de messages (1 au moins), ou laissez vide pour celui du fournisseur.',
} as const;
