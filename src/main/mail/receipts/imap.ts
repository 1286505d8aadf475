// The IMAP side of receipt intake: a connection with the certificate always verified (the same
// rule as SMTP: never a silent unverified TLS), the folder opened read-only (EXAMINE), and every
// failure turned into a stable code with its French message.
import { ImapFlow } from 'imapflow';
import { PliError, type ErrorCode, type ReceiptSettings } from '../../../shared/contract';

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'CONNECT_TIMEOUT',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
]);

/** Which of our codes a connection or login failure is. */
export function imapErrorCode(error: unknown): ErrorCode {
  if (error instanceof PliError) return error.code;
  const e = (error ?? {}) as { code?: string; authenticationFailed?: boolean; message?: string };
  if (e.authenticationFailed) return 'IMAP_AUTH_FAILED';
  if (e.code && CERTIFICATE_CODES.has(e.code)) return 'IMAP_CERTIFICATE_INVALID';
  // A TLS handshake against a plain port, or plain text against a TLS port that never greets.
  if (
    e.code === 'EPROTO' ||
    e.code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    e.code === 'GREETING_TIMEOUT' ||
    e.code === 'UPGRADE_TIMEOUT' ||
    e.code === 'ClosedAfterConnectTLS' ||
    e.code === 'MissingServerExtension' ||
    /ssl|tls/i.test(e.message ?? '')
  ) {
    return 'IMAP_TLS_FAILED';
  }
  if (e.code && UNREACHABLE_CODES.has(e.code)) return 'IMAP_UNREACHABLE';
  return 'IMAP_FAILED';
}

export function asImapError(error: unknown): PliError {
  return error instanceof PliError
    ? error
    : new PliError(imapErrorCode(error), undefined, { cause: error });
}

/** Logged in, or a PliError with the reason. The caller logs out. */
export async function openImap(settings: ReceiptSettings, password: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    // STARTTLS chosen means STARTTLS required: no fallback to clear text the wire could force.
    doSTARTTLS: settings.security === 'starttls',
    auth: { user: settings.username, pass: password },
    tls: { rejectUnauthorized: true, servername: settings.host },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  // A dropped connection emits 'error' besides rejecting the pending command.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    throw asImapError(error);
  }
}

/** Opens the folder read-only: Pli never changes the user's mailbox. */
export async function examine(client: ImapFlow, folder: string) {
  try {
    return await client.getMailboxLock(folder, { readOnly: true });
  } catch (error) {
    throw new PliError('IMAP_FOLDER_NOT_FOUND', [`Dossier : ${folder}`], { cause: error });
  }
}

export async function closeImap(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}
