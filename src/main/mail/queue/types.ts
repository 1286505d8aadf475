// The small interfaces the send queue depends on, so the engine runs the same with nodemailer
// against a real server, with the test outbox, or in a test with a fault-injecting server.
import type { SendMailOptions } from 'nodemailer';
import type { EventPayload } from '../../../shared/contract';
import type { MailMessageRow } from '../message-row';

export interface Envelope {
  from: string;
  to: string[];
}

/** What the SMTP server said; nodemailer's shape (info.accepted, info.rejected, info.response). */
export interface SendResult {
  accepted: unknown[];
  rejected: unknown[];
  response?: string;
}

/**
 * Sends one message. Throws an error shaped like nodemailer's (code, responseCode, response)
 * when the server or the connection refuses it.
 */
export interface QueueTransport {
  send(message: SendMailOptions | Buffer, envelope: Envelope): Promise<SendResult>;
}

/** A row → what the transport sends; its Message-ID is the row's, so a resend keeps it. */
export type ComposeRow = (
  row: MailMessageRow,
) => Promise<{ message: SendMailOptions | Buffer; envelope: Envelope }>;

export interface Clock {
  now(): number;
  /** Resolves after ms, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type FailureKind = 'temporary' | 'permanent' | 'pause';

/** What src/main/mail/smtp/diagnose.ts's classify() says about a failed attempt. */
export interface Classified {
  code: string;
  kind: FailureKind;
  /** French, says what to do. */
  message: string;
  /** The server's reply as received (no secret: SMTP replies never echo a password). */
  reply: string | null;
  /** The server asked to send less often (421, 450, 451, 4.7.x). */
  slowDown: boolean;
  /** The whole server is affected, not only this message: nothing else tries before the backoff. */
  serverWide: boolean;
}

export type Classify = (error: unknown) => Classified;

export interface QueueEvents {
  emit(name: 'mail:progress', payload: EventPayload<'mail:progress'>): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
