// smtp:oauth* handlers (administrator only): « Se connecter avec Microsoft / Google » and
// « Révoquer l’accès » for the account of the form as it is (saved or not). oauthStart opens the
// loopback listener and returns the provider's page — opened here in the system browser when
// the Electron shell provides it, else by the renderer in a new tab — and oauthFinish waits for
// the browser to come back, then stores the refresh token in the keychain. No result carries a
// token.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  isOAuth,
  PliError,
  type oauthFinishInputSchema,
  type SmtpSettings,
  type smtpOAuthInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { oauthAccountOf } from '../mail/smtp/oauth/access';
import { endpointsFor } from '../mail/smtp/oauth/providers';
import { beginSignIn, type PendingSignIn } from '../mail/smtp/oauth/signin';
import { revokeToken } from '../mail/smtp/oauth/tokens';

type In<S extends z.ZodType> = z.output<S>;

function oauthAccount(settings: SmtpSettings) {
  if (!isOAuth(settings.auth)) {
    throw new PliError('INVALID_INPUT', [
      'Choisissez l’identification « Compte Microsoft 365 » ou « Compte Google ».',
    ]);
  }
  const missing = [
    ...(settings.username.trim() === ''
      ? ['Saisissez l’adresse du compte d’envoi (Identifiant).']
      : []),
    ...((settings.oauth?.clientId ?? '') === ''
      ? ['Saisissez l’ID client de l’application enregistrée par l’association.']
      : []),
  ];
  if (missing.length > 0) throw new PliError('INVALID_INPUT', missing);
  return oauthAccountOf(settings);
}

export function smtpOAuthHandlers(context: AppContext, options: { timeoutMs?: number } = {}) {
  /** One sign-in at a time: a new click abandons the previous one (its listener closes). */
  const flows = new Map<string, { pending: PendingSignIn; account: string }>();
  const tokens = () => context.secrets.oauth;

  return {
    'smtp:oauthStart': async ({ settings }: In<typeof smtpOAuthInputSchema>) => {
      context.session.requireAdmin();
      const account = oauthAccount(settings);
      for (const [id, flow] of flows) {
        flow.pending.cancel();
        flows.delete(id);
      }
      const pending = await beginSignIn(
        endpointsFor(settings),
        account,
        tokens(),
        options.timeoutMs,
      );
      const flowId = randomBytes(16).toString('base64url');
      flows.set(flowId, { pending, account: settings.username });
      let opened = false;
      if (context.openExternal) {
        await context.openExternal(pending.url);
        opened = true;
      }
      return { flowId, url: pending.url, opened };
    },

    'smtp:oauthFinish': async ({ flowId }: In<typeof oauthFinishInputSchema>) => {
      context.session.requireAdmin();
      const flow = flows.get(flowId);
      if (!flow) throw new PliError('OAUTH_TIMEOUT');
      try {
        await flow.pending.finish();
      } finally {
        flows.delete(flowId);
      }
      return { account: flow.account, connected: true };
    },

    'smtp:oauthRevoke': async ({ settings }: In<typeof smtpOAuthInputSchema>) => {
      context.session.requireAdmin();
      const account = oauthAccount(settings);
      const refreshToken = await tokens().refreshToken(account);
      let revokedAtProvider = false;
      if (refreshToken !== null) {
        try {
          revokedAtProvider = await revokeToken(endpointsFor(settings), refreshToken);
        } catch {
          // Unreachable provider: the tokens still leave this workstation; the access the
          // provider granted ends with the refresh token's own lifetime or a revocation there.
        }
      }
      await tokens().forget(account);
      return { account: settings.username, connected: false, revokedAtProvider };
    },
  };
}
