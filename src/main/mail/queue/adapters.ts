// The queue's two outside parts from what Pli already has: a nodemailer transporter as the
// queue's transport, and issue 5's composeMessage as the row → message step (the row's stored
// Message-ID is in the MIME it builds, so a resend keeps it).
import type { SendMailOptions, Transporter } from 'nodemailer';
import { composeMessage } from '../compose';
import type { ComposeRow, QueueTransport } from './types';

export function nodemailerTransport(transporter: Transporter): QueueTransport {
  return {
    async send(message, envelope) {
      const smtpEnvelope = { from: envelope.from, to: [...envelope.to] };
      const mail: SendMailOptions = Buffer.isBuffer(message)
        ? { raw: message, envelope: smtpEnvelope }
        : { ...message, envelope: smtpEnvelope };
      const info = (await transporter.sendMail(mail)) as {
        accepted?: unknown[];
        rejected?: unknown[];
        response?: string;
      };
      return {
        accepted: info.accepted ?? [],
        rejected: info.rejected ?? [],
        response: info.response,
      };
    },
  };
}

/**
 * The MIME built once by composeMessage goes as it is (`raw`): handing nodemailer the options
 * instead made it build the whole message, attachment and all, a second time for every send
 * (bench/pipeline.ts). Only the DSN request, which is SMTP envelope and not MIME, rides along.
 */
export const composeRow: ComposeRow = async (row) => {
  const composed = await composeMessage(row);
  const dsn = composed.options.dsn;
  return { message: { raw: composed.raw, ...(dsn ? { dsn } : {}) }, envelope: composed.envelope };
};
