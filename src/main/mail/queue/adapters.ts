// The queue's two outside parts from what Pli already has: a nodemailer transporter as the
// queue's transport, and issue 5's composeMessage as the row → message step (the row's stored
// Message-ID travels in the options, so a resend keeps it).
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

export const composeRow: ComposeRow = async (row) => {
  const composed = await composeMessage(row);
  return { message: composed.options, envelope: composed.envelope };
};
