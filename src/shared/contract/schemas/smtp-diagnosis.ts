// What a failed SMTP connection or send means, in words the billing office can act on. The codes
// are stable (stored in `mail_messages.last_error_code`, shown in the batch report); the message
// says what to fix. Mapped from nodemailer's error code and the server's reply by
// src/main/mail/smtp/diagnose.ts.
import { z } from 'zod';

export const smtpDiagnosisMessages = {
  SMTP_AUTH_FAILED:
    'Le serveur refuse l’identifiant ou le mot de passe. Vérifiez le nom d’utilisateur (souvent l’adresse e-mail complète) et saisissez à nouveau le mot de passe.',
  SMTP_AUTH_APP_PASSWORD:
    'Le fournisseur refuse le mot de passe habituel pour un logiciel : créez un « mot de passe d’application » dans la sécurité du compte (Gmail, Outlook, Yahoo…) et saisissez-le ici.',
  SMTP_AUTH_REQUIRED:
    'Le serveur demande une identification. Choisissez « Identification : mot de passe » et saisissez l’identifiant et le mot de passe du compte.',
  SMTP_AUTH_DISABLED:
    'Microsoft 365 refuse l’envoi SMTP pour cette boîte : l’« authentification SMTP » (SMTP AUTH) y est désactivée. L’administrateur Microsoft 365 doit l’activer pour cette boîte : Centre d’administration Microsoft 365 › Utilisateurs actifs › la boîte › Courrier › Gérer les applications de messagerie › cocher « SMTP authentifié », ou en PowerShell : Set-CASMailbox -Identity <adresse> -SmtpClientAuthenticationDisabled $false. Réessayez ensuite (la prise en compte peut prendre une heure).',
  SMTP_OAUTH_REJECTED:
    'Le serveur refuse la connexion du compte Microsoft 365 ou Google. Vérifiez que l’identifiant est bien l’adresse du compte connecté et que l’application a l’autorisation d’envoi (SMTP.Send ou https://mail.google.com/) ; sinon cliquez sur « Révoquer l’accès » puis « Se connecter ».',
  SMTP_ENCRYPTION_REQUIRED:
    'Le serveur n’accepte le mot de passe que sur une connexion chiffrée. Choisissez la sécurité « STARTTLS » ou « SSL/TLS », ou « Détection automatique ».',
  SMTP_TLS_MISMATCH:
    'La sécurité choisie ne correspond pas à ce port (SSL/TLS et STARTTLS confondus). En général : port 465 avec « SSL/TLS », port 587 avec « STARTTLS ». Corrigez, ou choisissez « Détection automatique ».',
  SMTP_CERT_UNTRUSTED:
    'Le certificat du serveur n’est pas reconnu (certificat autosigné, expiré ou établi pour un autre nom). Vérifiez le nom du serveur ; pour un serveur interne, l’administrateur peut accepter ce certificat précis.',
  SMTP_CERT_CHANGED:
    'Le certificat du serveur a changé depuis qu’il a été accepté. Vérifiez auprès de votre prestataire informatique qu’il s’agit bien de votre serveur avant de l’accepter à nouveau.',
  SMTP_PORT_BLOCKED:
    'Aucune réponse sur ce port : il est fermé ou bloqué (pare-feu, antivirus ou fournisseur d’accès). Vérifiez le port (465 ou 587 en général), ou essayez la « Détection automatique ».',
  SMTP_HOST_NOT_FOUND:
    'Le nom du serveur est introuvable. Vérifiez son orthographe (exemple : smtp.orange.fr) et la connexion à Internet de ce poste.',
  SMTP_TIMEOUT:
    'Le serveur met trop de temps à répondre. Vérifiez la connexion à Internet puis réessayez ; l’envoi reprendra plus tard de lui-même.',
  SMTP_CONNECTION_LOST:
    'La connexion avec le serveur a été coupée pendant l’envoi. Vérifiez la connexion au réseau ; le message sera renvoyé plus tard.',
  SMTP_SERVER_BUSY:
    'Le serveur est momentanément occupé et demande de réessayer plus tard. Pli ralentit et renverra le message de lui-même.',
  SMTP_RATE_LIMITED:
    'Le serveur limite le nombre de messages envoyés : Pli ralentit et reprendra de lui-même. Si cela se répète, augmentez l’intervalle entre deux messages.',
  SMTP_DAILY_LIMIT:
    'Le quota d’envoi du jour de ce compte est atteint. L’envoi reprendra demain ; vérifiez la limite quotidienne réglée dans Pli.',
  SMTP_RELAY_REFUSED:
    'Le serveur refuse de transmettre le message à l’extérieur (relais refusé). En général il faut s’identifier : choisissez « Identification : mot de passe », ou demandez au prestataire d’autoriser ce poste.',
  SMTP_SENDER_REFUSED:
    'Le serveur refuse l’adresse d’expéditeur. Utilisez l’adresse du compte qui envoie (ou une adresse autorisée pour ce compte) dans Paramètres › Envoi des e-mails.',
  SMTP_RECIPIENT_REFUSED:
    'Le serveur refuse l’adresse du destinataire (inexistante, mal écrite ou boîte pleine). Vérifiez l’adresse dans la fiche du résident.',
  SMTP_MESSAGE_TOO_LARGE:
    'Le message est trop volumineux pour le serveur. Retirez ou réduisez une pièce jointe, puis renvoyez.',
  SMTP_MESSAGE_REFUSED:
    'Le serveur a refusé ce message (contenu jugé indésirable ou non conforme). Lisez la réponse du serveur ci-dessous, corrigez le message puis renvoyez-le.',
  SMTP_PROTOCOL:
    'Le serveur a répondu de façon inattendue : ce n’est peut-être pas un serveur d’envoi (SMTP). Vérifiez le nom du serveur et le port.',
  SMTP_UNKNOWN:
    'L’envoi a échoué pour une raison non reconnue. Lisez la réponse du serveur ci-dessous ; si le problème persiste, transmettez-la à votre prestataire informatique.',
} as const satisfies Record<string, string>;

export type SmtpDiagnosisCode = keyof typeof smtpDiagnosisMessages;
export const smtpDiagnosisCodes = Object.keys(smtpDiagnosisMessages) as [
  SmtpDiagnosisCode,
  ...SmtpDiagnosisCode[],
];

/**
 * temporary: retry later (backoff); permanent: this message failed for good (the reply is kept);
 * pause: every message would fail the same way, stop the batch until the administrator fixes it.
 */
export const smtpFailureKindSchema = z.enum(['temporary', 'permanent', 'pause']);
export type SmtpFailureKind = z.infer<typeof smtpFailureKindSchema>;

export const smtpDiagnosisSchema = z.object({
  code: z.enum(smtpDiagnosisCodes),
  kind: smtpFailureKindSchema,
  message: z.string(),
  /** The server's reply as it was ("550 5.1.1 …"), or null when it never answered. */
  reply: z.string().nullable(),
});
export type SmtpDiagnosis = z.infer<typeof smtpDiagnosisSchema>;
