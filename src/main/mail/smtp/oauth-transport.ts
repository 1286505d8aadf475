// The transport of a Microsoft 365 / Google account: connections authenticate with XOAUTH2 and
// the access token of that moment. oauth/access.ts refreshes it a minute before it expires; a
// new token means a new nodemailer transport (the queue's kept connection, `reuse`, is opened
// again with it), so a batch longer than the token's hour keeps going. When the server still
// answers 535 — the token was revoked early, or the server's clock disagrees — the token is
// refreshed once and the same step retried once; a 535 is the AUTH reply, so no message was
// handed over the first time.
import { smtpTransport, type MailTransport, type Timeouts, type WireMode } from './connection';
import type { SmtpSettings } from '../../../shared/contract';
import type { AccessTokenSource } from './oauth/access';

function refusedLogin(error: unknown): boolean {
  const e = error as { code?: string; responseCode?: number; response?: string } | null;
  return e?.code === 'EAUTH' && (e.responseCode === 535 || /^535\b/.test(e.response ?? ''));
}

export function oauthTransport(
  settings: SmtpSettings,
  mode: WireMode,
  source: AccessTokenSource,
  timeouts: Timeouts,
  reuse = false,
): MailTransport {
  let current: { token: string; transport: MailTransport } | null = null;
  async function transport(force: boolean): Promise<MailTransport> {
    const token = await source.get(force);
    if (current?.token !== token) {
      current?.transport.close();
      current = { token, transport: smtpTransport(settings, mode, token, timeouts, reuse) };
    }
    return current.transport;
  }
  async function withToken<T>(step: (t: MailTransport) => Promise<T>): Promise<T> {
    try {
      return await step(await transport(false));
    } catch (error) {
      if (!refusedLogin(error)) throw error;
    }
    return step(await transport(true));
  }
  return {
    mode,
    verify: () => withToken((t) => t.verify()),
    send: (mail, envelope) => withToken((t) => t.send(mail, envelope)),
    close() {
      current?.transport.close();
      current = null;
    },
  };
}
