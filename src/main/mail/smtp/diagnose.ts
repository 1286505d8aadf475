// nodemailer's error (its `code`, the system error it wraps, the SMTP command and the server's
// reply with its enhanced status code, RFC 3463) → a stable diagnosis code, a French message,
// and what the send queue does about it:
//   temporary  retry later with backoff (4xx replies, connection lost, timeouts);
//   permanent  this message failed for good, the reply is kept (5xx on the recipient or data);
//   pause      every message would fail alike (password, TLS, certificate, relay, sender, quota):
//              stop the batch at the first message and say what to fix.
// `slowDown` marks replies that ask the client to send less often (421, 450, 451, 4.7.x).
import {
  smtpDiagnosisMessages,
  type SmtpDiagnosis,
  type SmtpDiagnosisCode,
  type SmtpFailureKind,
} from '../../../shared/contract';

export interface Classified extends SmtpDiagnosis {
  /** The server asked to slow down: the queue lengthens its interval and backs off. */
  slowDown: boolean;
  /** The whole server is affected (not just this message): back off the batch, not the row. */
  serverWide: boolean;
}

interface NodemailerError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
  message?: string;
  reason?: string;
}

/** Errors raised by Node's TLS layer when a certificate cannot be trusted. */
const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);
/** Set by the pinned-certificate check in transport.ts. */
export const PIN_MISMATCH = 'PLI_CERT_PIN_MISMATCH';

/** OpenSSL's words when one side speaks TLS and the other plain text. */
const TLS_MISMATCH_TEXT =
  /wrong version number|packet length too long|unknown protocol|http request|record layer failure|ssl3_get_record|tls_get_more_records|unexpected eof while reading|EPROTO/i;

function fields(error: unknown): NodemailerError {
  if (error && typeof error === 'object') return error;
  return { message: String(error) };
}

/** "5.7.8" from "535 5.7.8 Username and Password not accepted", or null. */
export function enhancedStatus(reply: string | undefined): string | null {
  const match = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply ?? '');
  return match?.[1] ?? null;
}

function result(
  code: SmtpDiagnosisCode,
  kind: SmtpFailureKind,
  reply: string | null,
  extra: { slowDown?: boolean; serverWide?: boolean } = {},
): Classified {
  return {
    code,
    kind,
    message: smtpDiagnosisMessages[code],
    reply,
    slowDown: extra.slowDown ?? false,
    serverWide: extra.serverWide ?? kind !== 'permanent',
  };
}

/** A 4xx or 5xx reply, read by its numbers and, where servers agree on them, its words. */
function fromReply(e: NodemailerError, reply: string): Classified | null {
  const status = enhancedStatus(reply);
  const responseCode = e.responseCode ?? Number(reply.slice(0, 3));
  const command = e.command ?? '';
  const text = reply.toLowerCase();
  if (responseCode >= 400 && responseCode < 500) {
    if (/quota|daily.*limit|limit.*day/.test(text))
      return result('SMTP_DAILY_LIMIT', 'pause', reply);
    const rate = status?.startsWith('4.7.') || /rate|too many|throttl|limit/.test(text);
    if (rate) return result('SMTP_RATE_LIMITED', 'temporary', reply, { slowDown: true });
    const slowDown = responseCode === 421 || responseCode === 450 || responseCode === 451;
    // A 4xx on one recipient is about that mailbox (greylisting, full for now), not the server.
    const serverWide = !command.startsWith('RCPT') || responseCode === 421;
    return result('SMTP_SERVER_BUSY', 'temporary', reply, { slowDown, serverWide });
  }
  if (responseCode < 500 || responseCode >= 600) return null;
  if (status === '5.4.5' || /quota|daily.*limit|limit.*day/.test(text)) {
    return result('SMTP_DAILY_LIMIT', 'pause', reply);
  }
  if (command.startsWith('AUTH') || responseCode === 535) {
    // Exchange Online: « 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is
    // disabled for the Mailbox » — no sign-in helps, the Microsoft 365 administrator must act.
    if (status === '5.7.139' || /SmtpClientAuthentication is disabled/i.test(reply)) {
      return result('SMTP_AUTH_DISABLED', 'pause', reply);
    }
    // An access token refused (already refreshed once by oauth-transport.ts): not a password.
    if (command === 'AUTH XOAUTH2') return result('SMTP_OAUTH_REJECTED', 'pause', reply);
    if (status === '5.7.9' || /application.specific|app password/.test(text)) {
      return result('SMTP_AUTH_APP_PASSWORD', 'pause', reply);
    }
    if (responseCode === 538 || status === '5.7.11') {
      return result('SMTP_ENCRYPTION_REQUIRED', 'pause', reply);
    }
    return result('SMTP_AUTH_FAILED', 'pause', reply);
  }
  if (responseCode === 530 || status === '5.7.0' || /authentication required/.test(text)) {
    return /starttls|encryption|tls/.test(text)
      ? result('SMTP_ENCRYPTION_REQUIRED', 'pause', reply)
      : result('SMTP_AUTH_REQUIRED', 'pause', reply);
  }
  if (/relay/.test(text) || (status === '5.7.1' && command.startsWith('RCPT'))) {
    return result('SMTP_RELAY_REFUSED', 'pause', reply);
  }
  if (command.startsWith('MAIL') || /sender|send as|sendas/.test(text) || status === '5.1.7') {
    return result('SMTP_SENDER_REFUSED', 'pause', reply);
  }
  if (command.startsWith('RCPT')) return result('SMTP_RECIPIENT_REFUSED', 'permanent', reply);
  if (responseCode === 552 || status === '5.3.4' || /too (large|big)|size/.test(text)) {
    return result('SMTP_MESSAGE_TOO_LARGE', 'permanent', reply);
  }
  if (command === 'DATA' || command === '')
    return result('SMTP_MESSAGE_REFUSED', 'permanent', reply);
  return null;
}

export function classify(error: unknown): Classified {
  // transport.ts wraps a failure of `auto` detection with the mode it reached (ModeError).
  if (error instanceof Error && 'original' in error) return classify(error.original);
  const e = fields(error);
  const reply = typeof e.response === 'string' && e.response !== '' ? e.response : null;
  const system = e.originalCode ?? '';
  const text = `${e.message ?? ''} ${e.reason ?? ''}`;

  if (system === PIN_MISMATCH || e.code === PIN_MISMATCH) {
    return result('SMTP_CERT_CHANGED', 'pause', reply);
  }
  if (CERT_CODES.has(system) || CERT_CODES.has(e.code ?? '')) {
    return result('SMTP_CERT_UNTRUSTED', 'pause', reply);
  }
  if (reply) {
    const read = fromReply(e, reply);
    if (read) return read;
  }
  switch (e.code) {
    case 'EAUTH':
      if (/AUTH not available|no.*auth/i.test(text) && !reply) {
        return result('SMTP_ENCRYPTION_REQUIRED', 'pause', reply);
      }
      return result('SMTP_AUTH_FAILED', 'pause', reply);
    case 'ENOAUTH':
      return result('SMTP_AUTH_REQUIRED', 'pause', reply);
    case 'ETLS':
      return result('SMTP_TLS_MISMATCH', 'pause', reply);
    case 'EDNS':
      return result('SMTP_HOST_NOT_FOUND', 'temporary', reply);
    case 'EENVELOPE':
      // Refused before reaching the server: nodemailer found the address unusable.
      return result(
        /sender/i.test(text) ? 'SMTP_SENDER_REFUSED' : 'SMTP_RECIPIENT_REFUSED',
        /sender/i.test(text) ? 'pause' : 'permanent',
        reply,
      );
    case 'EMESSAGE':
      return /size/i.test(text)
        ? result('SMTP_MESSAGE_TOO_LARGE', 'permanent', reply)
        : result('SMTP_MESSAGE_REFUSED', 'permanent', reply);
    case 'EPROTOCOL':
      return result('SMTP_PROTOCOL', 'pause', reply);
    default:
      break;
  }
  if (system === 'ECONNREFUSED' || system === 'EHOSTUNREACH' || system === 'ENETUNREACH') {
    return result('SMTP_PORT_BLOCKED', 'temporary', reply);
  }
  if (system === 'ENOTFOUND' || system === 'EAI_AGAIN') {
    return result('SMTP_HOST_NOT_FOUND', 'temporary', reply);
  }
  if (TLS_MISMATCH_TEXT.test(text) || /^ERR_SSL_/.test(system)) {
    return result('SMTP_TLS_MISMATCH', 'pause', reply);
  }
  if (e.code === 'ETIMEDOUT') {
    // No TCP answer at all is a closed door (firewall); a silent server after connecting is slow.
    return e.timeoutType === 'CONNECT_TIMEOUT' || /connection timeout/i.test(text)
      ? result('SMTP_PORT_BLOCKED', 'temporary', reply)
      : result('SMTP_TIMEOUT', 'temporary', reply);
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET' || system === 'ECONNRESET') {
    return result('SMTP_CONNECTION_LOST', 'temporary', reply);
  }
  return result('SMTP_UNKNOWN', reply?.startsWith('5') ? 'permanent' : 'temporary', reply);
}
