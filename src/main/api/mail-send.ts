// mail:send (« Envoyer » of Envoi groupé: the ticked invoices become one batch of the send
// queue, all or nothing), mail:unlock (a paused batch's account gets its password again, then
// the batch resumes) and mail:failures (what failed in a batch and why). Sending needs the
// billing right and a user with an email address. The account's password is checked for before
// anything is written: unknown on this workstation, the answer is SMTP_PASSWORD_REQUIRED and the
// renderer asks for it, then calls again with it (kept for the session, and in the keychain
// only with « Mémoriser sur ce poste »). No result carries it.
import type { z } from 'zod';
import {
  isOAuth,
  PliError,
  type mailFailuresInputSchema,
  type mailSendInputSchema,
  type mailUnlockInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { batchFailures, sendInvoices } from '../mail/send';
import { resumeBatch } from '../mail/queue/batches';
import { senderAccount } from '../mail/queue/accounts';
import { loadMailSettings } from '../mail/settings';
import { oauthAccountOf } from '../mail/smtp/oauth/access';
import { smtpSettingsFor } from '../mail/smtp/settings';
import { isTestMode } from '../mail/smtp/transport';

type In<S extends z.ZodType> = z.output<S>;
type Password = In<typeof mailSendInputSchema>['password'];

/** What every send checks first: a user who may send, and the account's password (reminders too). */
export function senderChecks(context: AppContext) {
  const db = () => context.db.connection();

  /** The password given now is kept; otherwise one must already be known on this workstation. */
  async function ensurePassword(facilityId: number | null, password: Password) {
    const settings = smtpSettingsFor(db(), facilityId);
    // A Microsoft 365 / Google account signed in on this workstation needs no password; in
    // sender mode 'user', the account is the user's own mailbox, signed in by them.
    if (isOAuth(settings.auth) && !isTestMode(settings)) {
      const mode = loadMailSettings(db()).senderMode;
      const own = senderAccount(settings, { mode, address: context.session.require().email ?? '' });
      if (await context.secrets.oauth.connected(oauthAccountOf(own))) return;
      throw new PliError(mode === 'user' ? 'OAUTH_OWN_NOT_CONNECTED' : 'OAUTH_NOT_CONNECTED');
    }
    if (settings.auth !== 'password' || isTestMode(settings)) return;
    const account = { host: settings.host, username: settings.username };
    if (password) return context.secrets.provide(account, password.value, password.remember);
    try {
      await context.secrets.require(account);
    } catch (error) {
      // No keychain on this workstation: the password can still be typed for the session.
      if (error instanceof PliError && error.code === 'KEYCHAIN_UNAVAILABLE')
        throw new PliError('SMTP_PASSWORD_REQUIRED', undefined, { cause: error });
      throw error;
    }
  }

  function requireSender() {
    const user = context.session.requireBillingRight();
    if (!user.canSend) {
      throw new PliError('FORBIDDEN', [
        'Votre fiche utilisateur n’a pas d’adresse e-mail : demandez à l’administrateur de l’ajouter (Paramètres › Utilisateurs) pour pouvoir envoyer.',
      ]);
    }
  }

  return { ensurePassword, requireSender };
}

export function mailSendHandlers(context: AppContext) {
  const db = () => context.db.connection();
  const { ensurePassword, requireSender } = senderChecks(context);

  return {
    'mail:send': async (request: In<typeof mailSendInputSchema>) => {
      requireSender();
      await ensurePassword(request.facilityId, request.password);
      try {
        const batch = await sendInvoices(
          db(),
          { databaseFile: context.db.path, dataDir: context.dataDir },
          context.session.actor(),
          request,
        );
        context.mailQueue.kick();
        return batch;
      } finally {
        // Rows and batch, or only the PDFs written on the way.
        context.db.changed();
      }
    },
    'mail:unlock': async ({ batchId, password }: In<typeof mailUnlockInputSchema>) => {
      requireSender();
      const batch = db()
        .prepare('SELECT facility_id FROM mail_batches WHERE id = ?')
        .get(batchId) as { facility_id: number | null } | undefined;
      if (!batch) throw new PliError('NOT_FOUND');
      await ensurePassword(batch.facility_id, password);
      const resumed = resumeBatch(db(), context.session.actor(), batchId);
      context.db.changed();
      context.mailQueue.kick();
      return resumed;
    },
    'mail:failures': async ({ batchId }: In<typeof mailFailuresInputSchema>) => {
      context.session.require();
      return batchFailures(db(), batchId);
    },
  };
}
