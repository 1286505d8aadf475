// receipts:* handlers (administrator only): the « Accusés de réception » settings, their
// connection test, and « Vérifier maintenant ». The IMAP password arrives only inside a request
// and goes to this workstation's keychain (service « Pli IMAP »), or is copied there from the
// sending account's entry when both use the same login; no result carries it.
import type { z } from 'zod';
import {
  errorMessages,
  PliError,
  type ReceiptSettings,
  type ReceiptSettingsDetail,
  type ReceiptTestResult,
  type receiptSaveInputSchema,
  type receiptTestInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { closeImap, examine, imapErrorCode, openImap } from '../mail/receipts/imap';
import { getReceiptSettings, publicCursor, saveReceiptSettings } from '../mail/receipts/settings';
import { smtpSettingsFor } from '../mail/smtp/settings';

type In<S extends z.ZodType> = z.output<S>;

export function receiptHandlers(context: AppContext) {
  const admin = () => {
    context.session.requireAdmin();
    return context.db.connection();
  };

  /** The sending account, when it logs in with the same user name as this mailbox. */
  function smtpAccountFor(settings: ReceiptSettings) {
    const smtp = smtpSettingsFor(context.db.connection(), null);
    const same =
      smtp.auth === 'password' &&
      smtp.host !== '' &&
      settings.username !== '' &&
      smtp.username.toLowerCase() === settings.username.toLowerCase();
    return same ? { host: smtp.host, username: smtp.username } : null;
  }

  async function smtpPassword(settings: ReceiptSettings): Promise<string> {
    const account = smtpAccountFor(settings);
    const password = account ? await context.secrets.find(account) : null;
    if (password === null) throw new PliError('IMAP_PASSWORD_REQUIRED');
    return password;
  }

  async function detail(): Promise<ReceiptSettingsDetail> {
    const db = context.db.connection();
    const at = getReceiptSettings(db);
    const uses = at.settings.host !== '' && at.settings.username !== '';
    const smtp = uses ? smtpAccountFor(at.settings) : null;
    return {
      ...at,
      passwordSaved: uses && (await context.receiptSecrets.saved(at.settings)),
      passwordInSession: uses && context.receiptSecrets.inSession(at.settings),
      smtpPasswordReusable: smtp !== null && (await context.secrets.find(smtp)) !== null,
      cursor: publicCursor(db),
    };
  }

  return {
    'receipts:settings': async () => {
      admin();
      return detail();
    },

    'receipts:save': async (request: In<typeof receiptSaveInputSchema>) => {
      const db = admin();
      const { settings } = request;
      // The password first: a refused copy must not leave settings saved without one.
      const copied = request.useSmtpPassword ? await smtpPassword(settings) : null;
      saveReceiptSettings(db, context.session.actor(), request);
      context.db.changed();
      if (request.forgetPassword) await context.receiptSecrets.forget(settings);
      if (copied !== null) await context.receiptSecrets.provide(settings, copied, true);
      else if (request.password) {
        await context.receiptSecrets.provide(
          settings,
          request.password.value,
          request.password.remember,
        );
      }
      return detail();
    },

    'receipts:test': async (
      request: In<typeof receiptTestInputSchema>,
    ): Promise<ReceiptTestResult> => {
      admin();
      const { settings } = request;
      try {
        const password = request.password
          ? request.password.value
          : request.useSmtpPassword
            ? await smtpPassword(settings)
            : await context.receiptSecrets.find(settings);
        if (password === null) throw new PliError('IMAP_PASSWORD_REQUIRED');
        const client = await openImap(settings, password);
        try {
          const lock = await examine(client, settings.folder);
          const messages = client.mailbox ? client.mailbox.exists : 0;
          lock.release();
          return {
            ok: true,
            code: null,
            message: `Connexion réussie : le dossier « ${settings.folder} » contient ${messages} message${messages > 1 ? 's' : ''}.`,
            messages,
          };
        } finally {
          await closeImap(client);
        }
      } catch (error) {
        const code = imapErrorCode(error);
        return { ok: false, code, message: errorMessages[code], messages: null };
      }
    },

    'receipts:check': async () => {
      admin();
      return context.receipts.checkNow();
    },
  };
}
