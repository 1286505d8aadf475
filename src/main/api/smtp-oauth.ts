// smtp:oauth* handlers: « Se connecter avec Microsoft / Google » and « Révoquer l’accès ».
// The administrator's, for the account of the server form as it is (saved or not); and, when
// messages leave from the signed-in user's own address (sender mode 'user') through a Microsoft
// 365 / Google server, each user's own mailbox (« Votre boîte d’envoi », Paramètres › Ce poste).
// oauthStart opens the loopback listener and returns the provider's page — opened here in the
// system browser when the Electron shell provides it, else by the renderer in a new tab — and
// oauthFinish waits for the browser to come back, then stores the refresh token in the
// keychain. No result carries a token.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  isOAuth,
  PliError,
  type oauthFinishInputSchema,
  type ownMailboxInputSchema,
  type SmtpSettings,
  type smtpOAuthInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { senderAccount } from '../mail/queue/accounts';
import { loadMailSettings } from '../mail/settings';
import { oauthAccountOf } from '../mail/smtp/oauth/access';
import { endpointsFor } from '../mail/smtp/oauth/providers';
import { beginSignIn, type PendingSignIn } from '../mail/smtp/oauth/signin';
import { revokeToken } from '../mail/smtp/oauth/tokens';
import { smtpSettingsFor } from '../mail/smtp/settings';
import { isTestMode } from '../mail/smtp/transport';

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
  const flows = new Map<string, { pending: PendingSignIn; account: string; userId: number }>();
  const tokens = () => context.secrets.oauth;

  async function start(settings: SmtpSettings) {
    const account = oauthAccount(settings);
    const userId = context.session.require().id;
    for (const [id, flow] of flows) {
      flow.pending.cancel();
      flows.delete(id);
    }
    const pending = await beginSignIn(endpointsFor(settings), account, tokens(), options.timeoutMs);
    const flowId = randomBytes(16).toString('base64url');
    flows.set(flowId, { pending, account: settings.username, userId });
    let opened = false;
    if (context.openExternal) {
      await context.openExternal(pending.url);
      opened = true;
    }
    return { flowId, url: pending.url, opened };
  }

  async function revoke(settings: SmtpSettings) {
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
  }

  /** The signed-in user's own mailbox on this facility's server, when messages leave from it. */
  function own(facilityId: number | null) {
    const user = context.session.require();
    const server = smtpSettingsFor(context.db.connection(), facilityId);
    const mode = loadMailSettings(context.db.connection()).senderMode;
    const applies = isOAuth(server.auth) && !isTestMode(server) && mode === 'user';
    const settings = senderAccount(server, { mode, address: user.email ?? '' });
    return { applies, settings, email: user.email ?? '' };
  }
  function requireOwn(facilityId: number | null) {
    const mailbox = own(facilityId);
    if (!mailbox.applies) {
      throw new PliError('INVALID_INPUT', [
        'Les e-mails partent du compte de l’association : seul l’administrateur le connecte, dans Paramètres › Serveur d’envoi.',
      ]);
    }
    if (mailbox.email === '') throw new PliError('MAIL_SENDER_NO_EMAIL');
    return mailbox.settings;
  }

  return {
    'smtp:oauthStart': async ({ settings }: In<typeof smtpOAuthInputSchema>) => {
      context.session.requireAdmin();
      return start(settings);
    },

    'smtp:oauthFinish': async ({ flowId }: In<typeof oauthFinishInputSchema>) => {
      const user = context.session.require();
      const flow = flows.get(flowId);
      if (!flow || flow.userId !== user.id) throw new PliError('OAUTH_TIMEOUT');
      try {
        await flow.pending.finish();
      } finally {
        flows.delete(flowId);
      }
      return { account: flow.account, connected: true };
    },

    'smtp:oauthRevoke': async ({ settings }: In<typeof smtpOAuthInputSchema>) => {
      context.session.requireAdmin();
      return revoke(settings);
    },

    'smtp:ownAccount': async ({ facilityId }: In<typeof ownMailboxInputSchema>) => {
      const mailbox = own(facilityId);
      const provider = isOAuth(mailbox.settings.auth) ? mailbox.settings.auth : null;
      const connected =
        mailbox.applies &&
        mailbox.email !== '' &&
        (await tokens().connected(oauthAccountOf(mailbox.settings)));
      return { applies: mailbox.applies, provider, account: mailbox.email, connected };
    },

    'smtp:oauthStartOwn': async ({ facilityId }: In<typeof ownMailboxInputSchema>) => {
      context.session.requireBillingRight();
      return start(requireOwn(facilityId));
    },

    'smtp:oauthRevokeOwn': async ({ facilityId }: In<typeof ownMailboxInputSchema>) => {
      context.session.require();
      return revoke(requireOwn(facilityId));
    },
  };
}
