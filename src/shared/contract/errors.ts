// Stable error codes with the French message the user sees. Codes never change meaning once
// shipped; the message says what to do next, never a stack trace or a secret.
import { z } from 'zod';

export const errorMessages = {
  INVALID_INPUT:
    'Les informations transmises sont incomplètes ou mal formées. Vérifiez la saisie puis réessayez.',
  UNKNOWN_CHANNEL:
    'Cette action n’existe pas dans cette version de Pli. Mettez Pli à jour sur ce poste.',
  UNAUTHORIZED:
    'Accès refusé. Rouvrez Pli depuis l’adresse affichée à son démarrage (elle change à chaque lancement).',
  INTERNAL:
    'Une erreur inattendue est survenue. Réessayez ; si elle se reproduit, notez l’heure et prévenez l’administrateur.',
  APP_UNREACHABLE:
    'Pli ne répond plus. Vérifiez que Pli est toujours lancé sur ce poste, puis rechargez la page.',
  AUTH_REQUIRED:
    'Identifiez-vous pour continuer : choisissez votre nom et saisissez votre mot de passe Pli.',
  AUTH_FAILED:
    'Mot de passe incorrect. Vérifiez la saisie (majuscules, clavier numérique) et réessayez ; en cas d’oubli, un administrateur peut le changer.',
  FORBIDDEN:
    'Votre profil ne permet pas cette action. Demandez à un administrateur de la faire ou de changer vos droits.',
  SETUP_DONE:
    'Un administrateur existe déjà dans cette base. Identifiez-vous avec votre nom et votre mot de passe.',
  NOT_FOUND: 'Ce dossier n’existe plus ou a été supprimé sur un autre poste. Rechargez la liste.',
  RECORD_CHANGED:
    'Ce dossier a été modifié sur un autre poste pendant que vous le modifiiez. Vérifiez les changements ci-dessous, puis rechargez le dossier ou enregistrez à nouveau vos modifications.',
  TOO_MANY_INVOICE_ADDRESSES:
    'Deux adresses au plus peuvent recevoir les factures d’un résident. Décochez « Reçoit les factures » sur l’une d’elles.',
  IMPORT_INVALID:
    'Le fichier contient des lignes à corriger ; rien n’a été importé. Corrigez les lignes indiquées dans le fichier, puis importez-le à nouveau.',
  IMPORT_UNREADABLE:
    'Ce fichier ne peut pas être lu comme un tableau ; rien n’a été importé. Enregistrez-le au format CSV (séparateur point-virgule) depuis votre ancien logiciel ou depuis Excel, puis choisissez-le à nouveau.',
  IMPORT_MAPPING:
    'Il manque des informations obligatoires pour importer ; rien n’a été importé. Associez une colonne du fichier à chaque information indiquée, puis importez à nouveau.',
  DB_NOT_OPEN:
    'Aucune base de données n’est ouverte. Créez une base (vide ou de démonstration) ou choisissez un fichier existant.',
  DB_UNREACHABLE:
    'Le fichier de la base est introuvable ou le partage réseau ne répond pas. Vérifiez la connexion au réseau puis réessayez, ou choisissez un autre fichier.',
  DB_LOCKED:
    'La base de données est occupée par un autre poste. Patientez quelques secondes puis réessayez.',
  DB_READ_ONLY:
    'Le fichier de la base est en lecture seule. Demandez à l’administrateur les droits d’écriture sur le partage, ou choisissez un autre fichier.',
  DB_CORRUPT:
    'Le fichier de la base est endommagé. Ne le modifiez pas et prévenez l’administrateur : il restaurera la dernière sauvegarde.',
  DB_NOT_PLI: 'Ce fichier n’est pas une base de données Pli. Choisissez un autre fichier.',
  SHARE_UNREACHABLE:
    'Le dossier partagé est inaccessible (réseau coupé ou partage déconnecté) : l’envoi est en pause, aucun message n’est perdu. Vérifiez la connexion au réseau ; Pli reprendra l’envoi dès qu’il revient.',
  DB_NEWER_VERSION:
    'Cette base a été enregistrée par une version plus récente de Pli. Installez la dernière version de Pli sur ce poste avant de l’ouvrir.',
  BILLING_NO_TARIFF:
    'Aucun tarif (prix de journée et dépendance) n’est en vigueur pour un jour de la période. Saisissez le tarif de l’établissement pour cette date, puis relancez la facturation.',
  BILLING_RUN_ISSUED:
    'Les factures de cette période ont déjà été émises pour cet établissement. Corrigez une facture par un avoir depuis le journal des factures.',
  BILLING_RUN_CHANGED:
    'La facturation de cette période a été recalculée sur un autre poste depuis votre vérification. Vérifiez à nouveau les montants, puis émettez.',
  BILLING_RUN_EMPTY:
    'Aucun résident n’est présent dans cet établissement pendant cette période : il n’y a rien à facturer. Vérifiez la période et les dates d’entrée.',
  INVOICE_NOT_ISSUED:
    'Cette facture n’est pas encore émise : elle ne peut pas recevoir d’avoir. Émettez la facturation du mois d’abord.',
  INVOICE_DATE_BEFORE_LAST:
    'La date d’émission est antérieure à la dernière facture émise par cet établissement : les numéros doivent suivre l’ordre des dates. Choisissez une date égale ou postérieure.',
  CREDIT_TOO_LARGE:
    'L’avoir dépasse ce qui reste sur la facture (une partie a déjà été créditée). Réduisez les quantités à créditer.',
  PDF_WRITE_FAILED:
    'Les factures sont émises, mais leurs PDF n’ont pas pu être enregistrés sur le partage. Vérifiez l’accès au dossier « factures » à côté de la base, puis ouvrez à nouveau la facturation : Pli les écrira.',
  PDF_MISSING:
    'Le PDF de cette facture est introuvable sur le partage (déplacé ou supprimé). Prévenez l’administrateur : il le restaurera depuis la sauvegarde.',
  TARIFF_OVERLAP:
    'Les dates de ce tarif chevauchent celles d’un autre tarif de l’établissement : un seul tarif s’applique chaque jour. Changez la date « à compter du » ou « jusqu’au ».',
  TARIFF_IN_USE:
    'Ce tarif a déjà servi à des factures émises : il ne peut plus être modifié ni supprimé. Pour un nouveau prix, ajoutez un nouveau tarif à compter d’une date dont les factures ne sont pas encore émises.',
  ABSENCE_OUTSIDE_STAY:
    'Une absence doit se situer pendant le séjour : entre la date d’entrée et la veille de la sortie. Corrigez les dates de l’absence, ou la date d’entrée ou de sortie du résident.',
  ABSENCE_OVERLAP:
    'Cette absence chevauche une autre absence déjà enregistrée pour ce résident. Corrigez les dates, ou modifiez l’absence existante.',
  DEBOURS_INVOICED:
    'Ce débours est déjà repris sur une facture : il ne peut plus être modifié ni supprimé. S’il est faux, corrigez la facture émise par un avoir depuis le journal des factures.',
  MAIL_HEADER_UNSAFE:
    'Un nom, un objet ou une adresse d’e-mail contient un retour à la ligne ou un caractère invisible : Pli refuse de l’utiliser dans un message. Corrigez le texte indiqué (sur une seule ligne), puis réessayez.',
  MAIL_ADDRESS_INVALID:
    'Une adresse e-mail est mal écrite. Corrigez l’adresse indiquée (exemple : prenom.nom@orange.fr), puis réessayez.',
  MAIL_SENDER_NOT_SET:
    'L’adresse d’envoi de l’association n’est pas encore réglée. Demandez à l’administrateur de la saisir dans Paramètres › Envoi des e-mails.',
  MAIL_SENDER_NO_EMAIL:
    'Votre fiche utilisateur n’a pas d’adresse e-mail : les messages partent de l’adresse de la personne connectée. Demandez à l’administrateur d’ajouter votre adresse dans Paramètres › Utilisateurs.',
  MAIL_NO_RECIPIENT:
    'Aucune adresse e-mail ne reçoit les factures de ce résident. Ajoutez-en une dans sa fiche (case « Reçoit les factures »), ou envoyez la facture par courrier.',
  MAIL_ATTACHMENT_UNREADABLE:
    'Une pièce jointe est introuvable ou illisible (fichier déplacé, supprimé ou partage réseau indisponible). Vérifiez le fichier indiqué, puis réessayez.',
  MAIL_ATTACHMENT_TYPE_REFUSED:
    'Ce type de fichier ne peut pas être joint. Joignez un PDF ou une image PNG ou JPEG (enregistrez le document en PDF depuis votre traitement de texte).',
  MAIL_ATTACHMENT_TOO_LARGE:
    'Les pièces jointes dépassent la taille permise pour un message. Retirez une pièce jointe ou réduisez-la (PDF compressé, image plus petite), puis réessayez.',
  TEMPLATE_UNKNOWN_FIELD:
    'Le modèle contient des champs inconnus ou mal écrits (liste ci-dessous) : rien n’a été enregistré. Corrigez chaque champ ou choisissez-le dans « Insérer un champ », puis enregistrez.',
  TEMPLATE_INVOICE_NOT_ISSUED:
    'Cette facture n’est pas encore émise : un e-mail ne peut être rédigé qu’à partir d’une facture émise. Choisissez une facture émise dans la liste.',
  SMTP_PASSWORD_REQUIRED:
    'Le mot de passe du compte d’envoi n’est pas enregistré sur ce poste. Saisissez-le (cochez « Mémoriser sur ce poste » pour ne plus avoir à le saisir ici), puis réessayez.',
  KEYCHAIN_UNAVAILABLE:
    'Le trousseau de mots de passe de ce poste est inaccessible (Gestionnaire d’identification Windows, trousseau macOS ou Secret Service sous Linux). Ouvrez votre session normalement, ou décochez « Mémoriser sur ce poste » : le mot de passe servira jusqu’à la fermeture de Pli.',
  OAUTH_CONSENT_REFUSED:
    'La connexion au compte a été refusée dans le navigateur (autorisation non accordée). Cliquez à nouveau sur « Se connecter » et acceptez l’accès demandé par Pli ; si votre organisation exige l’accord d’un administrateur, demandez-le à l’administrateur Microsoft 365 ou Google.',
  OAUTH_RECONNECT_REQUIRED:
    'L’accès au compte d’envoi a expiré ou a été retiré (mot de passe du compte changé, accès révoqué, longue inactivité). Un administrateur doit se reconnecter : Paramètres › Serveur d’envoi, « Se connecter », puis reprendre l’envoi.',
  OAUTH_NOT_CONNECTED:
    'Le compte d’envoi n’est pas connecté sur ce poste. Dans Paramètres › Serveur d’envoi, cliquez sur « Se connecter » et autorisez Pli dans le navigateur, puis réessayez.',
  OAUTH_OWN_NOT_CONNECTED:
    'Les e-mails partent de votre propre boîte, et elle n’est pas encore connectée sur ce poste. Dans Paramètres › Ce poste, « Votre boîte d’envoi », cliquez sur « Se connecter » et autorisez Pli dans le navigateur, puis réessayez.',
  OAUTH_STATE_MISMATCH:
    'La réponse reçue du navigateur ne correspond pas à la connexion demandée par Pli (elle a été ignorée par sécurité). Cliquez à nouveau sur « Se connecter » et terminez la connexion dans l’onglet qui s’ouvre.',
  OAUTH_TIMEOUT:
    'La connexion n’a pas été terminée dans le navigateur à temps. Cliquez à nouveau sur « Se connecter » et terminez la connexion dans l’onglet qui s’ouvre.',
  OAUTH_PROVIDER_ERROR:
    'Le service de connexion du fournisseur a refusé la demande ou ne répond pas. Vérifiez l’ID client, le tenant et les adresses de connexion (détail ci-dessous), la connexion à Internet, puis réessayez.',
  SMTP_CERTIFICATE_INVALID:
    'Le certificat à accepter ne correspond pas à celui présenté par le serveur. Cliquez à nouveau sur « Tester la connexion », comparez l’empreinte affichée, puis acceptez-le.',
  MAIL_QUEUE_ROWS_INVALID:
    'Certains messages ne peuvent pas être ajoutés à cet envoi : ils sont déjà envoyés, annulés ou dans un autre envoi. Rechargez la liste des messages, puis recommencez.',
  MAIL_QUEUE_MIXED_SENDERS:
    'Un envoi groupé part d’un seul compte d’envoi, et ces messages relèvent de comptes différents (un établissement a son propre serveur d’envoi). Préparez un envoi par établissement, puis recommencez.',
  MAIL_BATCH_FINISHED:
    'Cet envoi est déjà terminé ou annulé : cette action n’est plus possible. Rechargez la liste des envois.',
  MAIL_SEND_INTERRUPTED:
    'L’envoi de ce message a été interrompu à chaque essai (Pli fermé ou poste arrêté pendant l’envoi). Vérifiez ses pièces jointes (taille, fichier lisible), puis renvoyez les échecs.',
  IMAP_NOT_CONFIGURED:
    'La lecture des accusés de réception n’est pas activée. Un administrateur la règle dans Paramètres › Accusés de réception (serveur IMAP de la boîte d’envoi).',
  IMAP_PASSWORD_REQUIRED:
    'Le mot de passe de la boîte de réception (IMAP) n’est pas enregistré sur ce poste. Saisissez-le dans Paramètres › Accusés de réception, cochez « Mémoriser sur ce poste », puis réessayez.',
  IMAP_AUTH_FAILED:
    'Le serveur IMAP refuse l’identifiant ou le mot de passe. Vérifiez l’identifiant (souvent l’adresse e-mail complète) et saisissez à nouveau le mot de passe de la boîte.',
  IMAP_UNREACHABLE:
    'Le serveur IMAP ne répond pas. Vérifiez son nom et son port (993 en SSL/TLS, 143 en STARTTLS) et que ce poste est bien connecté au réseau.',
  IMAP_TLS_FAILED:
    'La connexion chiffrée avec le serveur IMAP a échoué : la sécurité choisie ne correspond pas au port. Choisissez SSL/TLS pour le port 993, STARTTLS pour le port 143.',
  IMAP_CERTIFICATE_INVALID:
    'Le certificat du serveur IMAP n’est pas reconnu (expiré, auto-signé ou à un autre nom) : Pli refuse de s’y connecter. Vérifiez le nom du serveur, ou demandez à votre prestataire un certificat valide.',
  IMAP_FOLDER_NOT_FOUND:
    'Le dossier indiqué n’existe pas dans cette boîte. Saisissez le nom exact du dossier où arrivent les accusés (le plus souvent INBOX).',
  IMAP_FAILED:
    'Le serveur IMAP a refusé la lecture de la boîte. Réessayez dans quelques minutes ; si cela se reproduit, vérifiez les réglages avec « Tester la connexion ».',
  MAIL_CLIENT_NOT_FOUND:
    'Le programme de messagerie choisi pour ce poste est introuvable. Indiquez où il se trouve (Paramètres › Ce poste › « Choisir le programme… »), ou choisissez « Pli (serveur d’envoi de l’association) » pour envoyer par Pli.',
  MAIL_CLIENT_PATH_INVALID:
    'Le programme indiqué pour la messagerie n’existe pas ou ne peut pas être lancé. Vérifiez le chemin (Paramètres › Ce poste › « Choisir le programme… », par exemple C:\\Program Files\\Mozilla Thunderbird\\thunderbird.exe), ou choisissez « Pli (serveur d’envoi de l’association) ».',
  MAIL_CLIENT_LAUNCH_FAILED:
    'Le programme de messagerie n’a pas pu être ouvert avec ce message ; rien n’a été remis. Fermez-le s’il est bloqué puis réessayez, ou envoyez ce message par Pli (« Envoyer par Pli » ou Paramètres › Ce poste).',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as [ErrorCode, ...ErrorCode[]];

/** What crosses the contract when a call fails: a code, its French message, safe details. */
export const wireErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type WireError = z.infer<typeof wireErrorSchema>;

/** The one error type thrown by main-side code for anything a user can act on. */
export class PliError extends Error {
  readonly code: ErrorCode;
  readonly details: string[] | undefined;

  constructor(code: ErrorCode, details?: string[], options?: { cause?: unknown }) {
    super(errorMessages[code], options);
    this.name = 'PliError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function wireError(code: ErrorCode, details?: string[]): WireError {
  return new PliError(code, details).toWire();
}
