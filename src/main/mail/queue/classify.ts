// A stand-in for src/main/mail/smtp/diagnose.ts's classify(), with the same signature, until
// that module lands: what the queue does with a failed attempt (retry later, give up on this
// message, or pause the whole batch because every message would fail the same way) and the
// French reason. Only the decision matters here; the diagnosis proper lives in smtp/.
import { PliError } from '../../../shared/contract';
import type { Classified } from './types';

interface SmtpLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

const TLS_PATTERN = /certificate|self[- ]signed|\bssl\b|\btls\b|wrong version number|handshake/i;

function result(code: string, kind: Classified['kind'], message: string, reply: string | null) {
  return { code, kind, message, reply };
}

export function classify(error: unknown): Classified {
  if (error instanceof PliError) {
    // The message itself is wrong (address, attachment): retrying cannot help.
    return result(error.code, 'permanent', error.message, null);
  }
  const e = (error ?? {}) as SmtpLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = typeof e.response === 'string' ? e.response : null;
  const text = `${typeof e.message === 'string' ? e.message : ''} ${reply ?? ''}`;
  if (code === 'EAUTH' || status === 535 || status === 534 || status === 530) {
    return result(
      'SMTP_AUTH_FAILED',
      'pause',
      'Le serveur d’envoi refuse l’identifiant ou le mot de passe. Corrigez-les dans Paramètres › Envoi des e-mails, puis reprenez l’envoi.',
      reply,
    );
  }
  if (code === 'ETLS' || (code === 'ESOCKET' && TLS_PATTERN.test(text))) {
    return result(
      'SMTP_TLS_FAILED',
      'pause',
      'La connexion sécurisée (SSL/TLS) avec le serveur d’envoi a échoué. Vérifiez le port et le type de sécurité dans Paramètres › Envoi des e-mails, puis reprenez l’envoi.',
      reply,
    );
  }
  if (status !== null && status >= 500) {
    if (e.command === 'MAIL FROM' || /relay/i.test(text)) {
      return result(
        'SMTP_SENDER_REFUSED',
        'pause',
        'Le serveur d’envoi refuse d’envoyer au nom de cette adresse. Vérifiez l’adresse d’envoi et le compte dans Paramètres › Envoi des e-mails, puis reprenez l’envoi.',
        reply,
      );
    }
    return result(
      'SMTP_REJECTED',
      'permanent',
      'Le serveur a refusé ce message (adresse inconnue ou message refusé). Vérifiez l’adresse du destinataire, puis renvoyez les échecs.',
      reply,
    );
  }
  if (code === 'EENVELOPE' && status === null) {
    return result(
      'MAIL_ADDRESS_INVALID',
      'permanent',
      'Ce message n’a aucun destinataire valide. Corrigez l’adresse, puis renvoyez les échecs.',
      reply,
    );
  }
  return result(
    status !== null ? 'SMTP_TEMPORARY' : 'SMTP_CONNECTION',
    'temporary',
    'Le serveur d’envoi n’a pas pu prendre ce message pour l’instant ; Pli réessaiera automatiquement.',
    reply,
  );
}
