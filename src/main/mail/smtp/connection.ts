// One SMTP connection mode made concrete: nodemailer built from the administrator's settings and
// the password from src/main/secrets, behind the small interface (transport.ts) that the test
// outbox (outbox.ts) shares. A check (« Tester la connexion ») opens its own connection; the send
// queue's transport (`reuse`) keeps one connection for the whole batch, as a mail client does:
// a new connection per message cost ~120 ms on loopback alone (bench/pipeline.ts), far more with
// TLS and AUTH. Messages still go one at a time, the queue's throttle is still the only pace,
// and nodemailer never resends a message behind the queue's back (maxRequeues 0): a dropped
// connection fails the message in flight, which the queue records and retries itself.
// TLS is verified; a pinned certificate (the administrator's explicit exception for an internal
// server) is trusted by its SHA-256 fingerprint alone, any other still needs a valid chain.
import tls from 'node:tls';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SendMailOptions } from 'nodemailer';
import type { SmtpSettings, SmtpWireSecurity } from '../../../shared/contract';
import { PIN_MISMATCH } from './diagnose';

export interface WireMode {
  port: number;
  security: SmtpWireSecurity;
}

export interface Timeouts {
  /** Time to open the TCP connection. */
  connectionMs: number;
  /** Time for the server's 220 greeting (and a STARTTLS upgrade). */
  greetingMs: number;
  /** Silence allowed on an open connection (a slow DATA reply). */
  socketMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  connectionMs: 15_000,
  greetingMs: 15_000,
  socketMs: 60_000,
};

export interface SendResult {
  accepted: string[];
  rejected: string[];
  /** The server's final reply ("250 2.0.0 Ok: queued as …"), or the outbox file. */
  response: string;
  messageId: string | null;
}

/** nodemailer message options, or `{ raw, envelope }` for MIME composed beforehand. */
export type OutgoingMail = SendMailOptions;

export interface MailTransport {
  /** The mode in use ('outbox': Mode test, nothing leaves). */
  readonly mode: WireMode | 'outbox';
  /** Connect, say hello, authenticate, and quit: « Tester la connexion ». */
  verify(): Promise<void>;
  send(mail: OutgoingMail, envelope?: { from: string; to: string[] }): Promise<SendResult>;
  close(): void;
}

/** Our fingerprint check runs after Node has verified the chain against roots + the pinned PEM. */
function tlsOptions(settings: SmtpSettings): tls.ConnectionOptions {
  const pinned = settings.pinnedCertificate;
  if (!pinned) return { rejectUnauthorized: true, servername: settingsServername(settings) };
  return {
    rejectUnauthorized: true,
    servername: settingsServername(settings),
    ca: [...tls.rootCertificates, pinned.pem],
    checkServerIdentity(host, cert) {
      if (cert.fingerprint256 === pinned.fingerprint256) return undefined;
      const standard = tls.checkServerIdentity(host, cert);
      if (!standard) return undefined;
      // A pinned server that now shows another certificate: say so, not just "untrusted".
      return Object.assign(new Error('Pinned certificate changed'), { code: PIN_MISMATCH });
    },
  };
}

/** SNI needs a name, never an IP address. */
function settingsServername(settings: SmtpSettings): string | undefined {
  return /^[\d.]+$|:/.test(settings.host) ? undefined : settings.host;
}

export function transportOptions(
  settings: SmtpSettings,
  mode: WireMode,
  password: string | null,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
): SMTPTransport.Options {
  return {
    host: settings.host,
    port: mode.port,
    secure: mode.security === 'tls',
    // 'none' is what the administrator chose: no upgrade even if offered (a broken STARTTLS on
    // an internal relay would otherwise fail every message). 'starttls' refuses plain text.
    requireTLS: mode.security === 'starttls',
    ignoreTLS: mode.security === 'none',
    tls: tlsOptions(settings),
    ...(settings.auth === 'password'
      ? { auth: { user: settings.username, pass: password ?? '' } }
      : {}),
    // Microsoft 365 / Google: `password` is the access token (oauth/access.ts), sent as XOAUTH2.
    ...(settings.auth === 'microsoft' || settings.auth === 'google'
      ? { auth: { type: 'OAuth2' as const, user: settings.username, accessToken: password ?? '' } }
      : {}),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    logger: false,
    debug: false,
    pool: false,
  };
}

/** The password and its base64 forms out of any text nodemailer might put in an error. */
export function redactor(password: string | null): (text: string) => string {
  if (!password) return (text) => text;
  const forms = [password, Buffer.from(password).toString('base64')].filter((f) => f.length >= 3);
  return (text) => forms.reduce((acc, form) => acc.split(form).join('********'), text);
}

export function scrubError(error: unknown, redact: (text: string) => string): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { response?: unknown };
  e.message = redact(e.message);
  if (typeof e.response === 'string') e.response = redact(e.response);
  if (e.stack) e.stack = redact(e.stack);
  return e;
}

/** One fixed mode (no detection): what the queue uses once `auto` has been resolved. */
export function smtpTransport(
  settings: SmtpSettings,
  mode: WireMode,
  password: string | null,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
  reuse = false,
): MailTransport {
  const transporter = nodemailer.createTransport({
    ...transportOptions(settings, mode, password, timeouts),
    // One connection, kept open across messages (nodemailer's pool reconnects every 100 by
    // default); the server closing it while idle only means the next message reconnects.
    ...(reuse ? { pool: true, maxConnections: 1, maxMessages: Infinity, maxRequeues: 0 } : {}),
  });
  const redact = redactor(password);
  return {
    mode,
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw scrubError(error, redact);
      }
    },
    async send(mail, envelope) {
      try {
        const info = await transporter.sendMail(envelope ? { ...mail, envelope } : mail);
        return {
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          response: redact(info.response),
          messageId: info.messageId,
        };
      } catch (error) {
        throw scrubError(error, redact);
      }
    },
    close() {
      transporter.close();
    },
  };
}
