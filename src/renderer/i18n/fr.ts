// French interface text. Glossary words (résident, facture, relance, envoi groupé…) are kept
// as DESIGN.md defines them.
export const fr = {
  appName: 'Pli',
  nav: {
    label: 'Navigation principale',
    residents: 'Résidents',
    journal: 'Journal des factures',
    bulkSend: 'Envoi groupé',
    reminders: 'Relances',
    settings: 'Paramètres',
  },
  pages: {
    residents: {
      title: 'Résidents',
      empty:
        'Ici apparaîtront les résidents de chaque établissement, avec leurs familles, tuteurs et mandataires et les adresses qui reçoivent les factures.',
    },
    journal: {
      title: 'Journal des factures',
      empty:
        'Ici apparaîtront toutes les factures et tous les avoirs de l’association, avec l’enveloppe de chaque envoi par e-mail : en attente, envoyé, en échec, lu.',
    },
    bulkSend: {
      title: 'Envoi groupé',
      empty:
        'Ici vous enverrez les factures d’une période par e-mail aux familles : choix des destinataires, pièces jointes, accusé de réception, suivi de l’envoi.',
    },
    reminders: {
      title: 'Relances',
      empty:
        'Ici apparaîtront les factures impayées par payeur, avec les jours de retard et le niveau de relance (relance 1, relance 2, mise en demeure).',
    },
    settings: {
      title: 'Paramètres',
      empty:
        'Ici l’administrateur réglera le serveur d’envoi, les établissements, les modèles de messages et les utilisateurs.',
      about: 'À propos',
    },
  },
  about: {
    title: 'À propos de Pli',
    version: 'Version',
    runtime: 'Fonctionne dans',
    runtimes: {
      electron: 'l’application de bureau (Electron)',
      browser: 'le navigateur (hôte local)',
    },
    workstation: 'Nom du poste',
    association: 'Association',
    databasePath: 'Base de données',
    schemaVersion: 'Version du schéma',
    dataDir: 'Dossier des données du poste',
    noDatabase: 'aucune base ouverte',
  },
  firstRun: {
    title: 'Bienvenue dans Pli',
    missing: 'Aucune base de données n’existe encore à cet emplacement :',
    choose:
      'Créez une base vide pour commencer avec vos propres établissements, ou une base de démonstration pour découvrir Pli.',
    createEmpty: 'Créer une base vide',
    createDemo: 'Créer une base de démonstration',
    creating: 'Création en cours…',
    errorTitle: 'La base de données ne peut pas être ouverte',
    retry: 'Réessayer',
  },
  loading: 'Chargement…',
} as const;
