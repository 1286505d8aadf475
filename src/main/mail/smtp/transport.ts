// The transport factory the send queue uses:
//   const transport = await openTransport(settings, password | tokenSource, { dataDir });
//   const { accepted, rejected, response } = await transport.send(options | { raw, envelope });
//   transport.close();
// No server configured → the test outbox; `auto` → the first mode that answers, in the order
// DESIGN › Email gives (465 SSL/TLS, 587 STARTTLS, 25), found once when the transport opens. A
// failure throws nodemailer's error (password scrubbed): hand it to `classify` (diagnose.ts).
import type { SmtpSettings } from '../../../shared/contract';
import { classify } from './diagnose';
import {
  DEFAULT_TIMEOUTS,
  smtpTransport,
  type MailTransport,
  type Timeouts,
  type WireMode,
} from './connection';
import { outboxTransport } from './outbox';
import type { AccessTokenSource } from './oauth/access';
import { oauthTransport } from './oauth-transport';

/** A password, a Microsoft 365 / Google account's token source, or nothing (no AUTH). */
export type Credential = string | AccessTokenSource | null;

export {
  smtpTransport,
  DEFAULT_TIMEOUTS,
  type MailTransport,
  type OutgoingMail,
  type SendResult,
  type Timeouts,
  type WireMode,
} from './connection';
export { outboxTransport, outboxDir } from './outbox';

export interface OpenOptions {
  /** Where the test outbox lives when no server is configured. */
  dataDir: string;
  timeouts?: Timeouts;
  /** Tests replace the standard ports (465, 587, 25), which need root and a free machine. */
  candidates?: WireMode[];
  /** The send queue: one connection kept for the batch (connection.ts); else one per message. */
  reuse?: boolean;
}

/** No host: Mode test (the embedded default; nothing leaves). */
export function isTestMode(settings: SmtpSettings): boolean {
  return settings.host.trim() === '';
}

/** The modes `auto` tries, in order; with a port typed, the three securities on that port. */
export function autoCandidates(port: number | null): WireMode[] {
  if (port !== null) {
    return [
      { port, security: port === 465 ? 'tls' : 'starttls' },
      { port, security: port === 465 ? 'starttls' : 'tls' },
      { port, security: 'none' },
    ];
  }
  return [
    { port: 465, security: 'tls' },
    { port: 587, security: 'starttls' },
    { port: 25, security: 'starttls' },
    { port: 25, security: 'none' },
  ];
}

/** Diagnoses that mean "nothing answers in this mode here": try the next one. */
const WRONG_MODE = new Set([
  'SMTP_TLS_MISMATCH',
  'SMTP_PORT_BLOCKED',
  'SMTP_TIMEOUT',
  'SMTP_CONNECTION_LOST',
  'SMTP_PROTOCOL',
]);

export class ModeError extends Error {
  constructor(
    readonly mode: WireMode | null,
    readonly original: unknown,
  ) {
    super('SMTP connection failed', { cause: original });
    this.name = 'ModeError';
  }
}

/**
 * The first candidate where a connection completes. A wrong password or an untrusted
 * certificate also ends the search: the mode is right, what follows is the administrator's fix;
 * that failure is thrown as a ModeError carrying the mode. When none answers, the error of the
 * first candidate (the preferred one) is thrown with mode null.
 */
export async function detectMode(
  settings: SmtpSettings,
  password: string | null,
  options: { timeouts?: Timeouts; candidates?: WireMode[] } = {},
): Promise<WireMode> {
  const candidates = options.candidates ?? autoCandidates(settings.port);
  let first: unknown = null;
  for (const mode of candidates) {
    const transport = smtpTransport(settings, mode, password, options.timeouts);
    try {
      await transport.verify();
      return mode;
    } catch (error) {
      if (!WRONG_MODE.has(classify(error).code)) throw new ModeError(mode, error);
      first ??= error;
    } finally {
      transport.close();
    }
  }
  throw new ModeError(null, first);
}

/** The transport for these settings; with `auto`, after finding the mode (may throw ModeError). */
export async function openTransport(
  settings: SmtpSettings,
  credential: Credential,
  options: OpenOptions,
): Promise<MailTransport> {
  if (isTestMode(settings)) return outboxTransport(options.dataDir);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const source = credential !== null && typeof credential === 'object' ? credential : null;
  const mode =
    settings.security === 'auto'
      ? await detectMode(
          settings,
          source ? await source.get(false) : (credential as string | null),
          {
            timeouts,
            ...(options.candidates ? { candidates: options.candidates } : {}),
          },
        )
      : { port: settings.port ?? 587, security: settings.security };
  if (source) return oauthTransport(settings, mode, source, timeouts, options.reuse);
  return smtpTransport(settings, mode, credential as string | null, timeouts, options.reuse);
}
