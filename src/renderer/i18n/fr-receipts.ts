// French text of Paramètres › Accusés de réception: the sending mailbox read over IMAP for read
// receipts and bounces.
import { formatDateTimeFr } from './fr-envelopes';

export const frReceipts = {
  title: 'Accusés de réception',
  label: 'Réglages de la lecture des accusés de réception',
  intro:
    'Les accusés de lecture et les retours « message non distribué » arrivent dans la boîte de l’adresse d’envoi. Pli la lit (sans rien y supprimer ni déplacer) et met à jour le journal : « Lu » ou « Rejeté ».',
  enabled: 'Lire les accusés de réception et les retours en erreur de la boîte d’envoi',
  host: 'Serveur IMAP',
  hostPlaceholder: 'imap.orange.fr',
  port: 'Port',
  security: 'Sécurité',
  securities: {
    tls: 'SSL/TLS (port 993)',
    starttls: 'STARTTLS (port 143)',
    none: 'Sans chiffrement (serveur du réseau local seulement)',
  },
  noTls:
    'Sans chiffrement, le mot de passe de la boîte circule en clair : à réserver à un serveur du réseau local de l’association.',
  username: 'Identifiant (souvent l’adresse e-mail)',
  password: 'Mot de passe de la boîte',
  passwordSaved: 'Enregistré sur ce poste',
  passwordInSession: 'Saisi pour cette session (non mémorisé)',
  folder: 'Dossier',
  useSmtp: 'Utiliser le mot de passe du serveur d’envoi (même identifiant), mémorisé sur ce poste',
  badPort: 'Le port doit être un nombre entre 1 et 65535 (993 en SSL/TLS, 143 en STARTTLS).',
  save: 'Enregistrer',
  saved: 'Réglages enregistrés.',
  test: 'Tester la connexion',
  testing: 'Connexion…',
  checkNow: 'Vérifier maintenant',
  checked: (read: number, recorded: number) =>
    `${read} nouveau${read > 1 ? 'x' : ''} message${read > 1 ? 's' : ''} lu${read > 1 ? 's' : ''} dans la boîte, ${recorded} accusé${recorded > 1 ? 's' : ''} enregistré${recorded > 1 ? 's' : ''}.`,
  lastCheck: (iso: string, by: string | null) =>
    `Dernière vérification ${formatDateTimeFr(iso)}${by ? ` (poste ${by})` : ''}.`,
  lastError: (message: string) => `La dernière vérification a échoué : ${message}`,
  never: 'La boîte n’a pas encore été vérifiée.',
  recorded: (n: number) => `${n} accusé${n > 1 ? 's' : ''} enregistré${n > 1 ? 's' : ''} en tout.`,
  automatic: 'Pli vérifie la boîte toutes les 5 minutes tant qu’il est ouvert sur un poste.',
};
