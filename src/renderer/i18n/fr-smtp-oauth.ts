// French texts of the Microsoft 365 / Google sign-in on Paramètres › Serveur d’envoi.
export const frSmtpOAuth = {
  auths: { microsoft: 'Compte Microsoft 365', google: 'Compte Google' },
  account: 'Adresse du compte d’envoi (celle qui se connecte)',
  intro: {
    microsoft:
      'Pli se connecte au compte Microsoft 365 dans le navigateur, sans mot de passe : l’autorisation est gardée dans le trousseau de ce poste. L’association doit d’abord enregistrer son application dans Microsoft Entra (guide dans le README).',
    google:
      'Pli se connecte au compte Google dans le navigateur, sans mot de passe : l’autorisation est gardée dans le trousseau de ce poste. L’association doit d’abord créer son client « Application de bureau » dans Google Cloud (guide dans le README).',
  },
  clientId: 'ID d’application (client)',
  tenant: 'Tenant (ID de l’annuaire ou domaine) — vide : « organizations »',
  clientSecret: 'Code secret du client (client de bureau Google)',
  clientSecretHelp:
    'Google le demande pour un client « Application de bureau » ; il n’est pas confidentiel et s’enregistre avec les réglages.',
  endpoints: 'Adresses de connexion (avancé)',
  endpointsHelp: 'Laissez vide pour celles du fournisseur.',
  authorizationEndpoint: 'Adresse d’autorisation',
  tokenEndpoint: 'Adresse des jetons',
  revocationEndpoint: 'Adresse de révocation',
  connected: (account: string) => `Connecté : ${account}`,
  notConnected: 'Non connecté sur ce poste.',
  connect: { microsoft: 'Se connecter avec Microsoft', google: 'Se connecter avec Google' },
  waiting:
    'Terminez la connexion dans l’onglet du navigateur qui vient de s’ouvrir, puis revenez ici.',
  revoke: 'Révoquer l’accès',
  revoked: 'Accès révoqué : l’autorisation a été supprimée de ce poste.',
  revokedLocal:
    'Autorisation supprimée de ce poste. Pour la retirer aussi chez Microsoft, un administrateur peut révoquer les sessions du compte dans le centre d’administration.',
  propose: (provider: string) =>
    `Ce fournisseur permet la connexion « ${provider} », sans mot de passe enregistré.`,
  useOAuth: (provider: string) => `Utiliser « ${provider} »`,
  own: 'Votre boîte d’envoi',
  ownIntro: (account: string) =>
    `Les e-mails partent de votre propre adresse (${account || 'aucune adresse dans votre fiche'}) : connectez votre boîte une fois sur ce poste pour pouvoir envoyer.`,
} as const;
