// smtp:* handlers: the sending server (administrator only), its connection test and test
// message, the provider suggestion for a sender's domain, and whether Pli runs in Mode test
// (no server: messages go to the outbox folder), which every signed-in page may ask. A password
// arrives only inside a request; it is kept for this session and, when « Mémoriser sur ce
// poste » is ticked, in this workstation's keychain. No result ever carries it.
import type { z } from 'zod';
import { isValidEmail } from '../../shared/email';
import {
  DEFAULT_OAUTH_SETTINGS,
  isOAuth,
  PliError,
  type SmtpSettings,
  type SmtpSettingsDetail,
  type passwordInputSchema,
  type smtpGetInputSchema,
  type smtpPresetInputSchema,
  type smtpSaveInputSchema,
  type smtpSendTestInputSchema,
  type smtpTestInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { credentialFor } from '../mail/queue/accounts';
import { loadMailSettings } from '../mail/settings';
import { oauthAccountOf } from '../mail/smtp/oauth/access';
import { fingerprintOf } from '../mail/smtp/certificate';
import { sendTestMail, testConnection } from '../mail/smtp/check';
import { presetForAddress, providerPresets } from '../mail/smtp/presets';
import { getSmtpSettings, saveSmtpSettings, smtpSettingsFor } from '../mail/smtp/settings';
import { isTestMode, outboxDir } from '../mail/smtp/transport';

type In<S extends z.ZodType> = z.output<S>;
type PasswordInput = In<typeof passwordInputSchema>;

export function smtpHandlers(context: AppContext) {
  const admin = () => {
    context.session.requireAdmin();
    return context.db.connection();
  };
  const account = (settings: SmtpSettings) => ({
    host: settings.host,
    username: settings.username,
  });

  async function detail(at: ReturnType<typeof getSmtpSettings>): Promise<SmtpSettingsDetail> {
    const uses = at.settings.auth === 'password' && at.settings.host !== '';
    const oauth = isOAuth(at.settings.auth) && at.settings.username !== '';
    return {
      ...at,
      settings: { ...at.settings, oauth: at.settings.oauth ?? DEFAULT_OAUTH_SETTINGS },
      oauthConnected: oauth && (await context.secrets.oauth.connected(oauthAccountOf(at.settings))),
      passwordSaved: uses && (await context.secrets.saved(account(at.settings))),
      passwordInSession: uses && context.secrets.inSession(account(at.settings)),
    };
  }

  /**
   * What a test authenticates with: the password typed now, else the session's or the
   * keychain's; for a Microsoft 365 / Google account, its access token (refreshed if needed).
   */
  async function passwordFor(settings: SmtpSettings, typed?: PasswordInput) {
    if (settings.auth === 'password' && typed && !isTestMode(settings)) {
      await context.secrets.provide(account(settings), typed.value, typed.remember);
      return typed.value;
    }
    return credentialFor(settings, context.secrets);
  }

  /** A certificate is accepted as the PEM whose fingerprint the administrator saw. */
  function checkPinned(settings: SmtpSettings | null) {
    const pinned = settings?.pinnedCertificate;
    if (pinned && fingerprintOf(pinned.pem) !== pinned.fingerprint256) {
      throw new PliError('SMTP_CERTIFICATE_INVALID');
    }
  }

  return {
    'smtp:get': async ({ facilityId }: In<typeof smtpGetInputSchema>) =>
      detail(getSmtpSettings(admin(), facilityId)),

    'smtp:save': async (request: In<typeof smtpSaveInputSchema>) => {
      const db = admin();
      checkPinned(request.settings);
      const saved = saveSmtpSettings(db, context.session.actor(), request);
      context.db.changed();
      const target = account(saved.settings);
      if (request.forgetPassword) await context.secrets.forget(target);
      if (request.password && saved.settings.auth === 'password') {
        await context.secrets.provide(target, request.password.value, request.password.remember);
      }
      return detail(saved);
    },

    'smtp:test': async ({ settings, password }: In<typeof smtpTestInputSchema>) => {
      admin();
      const secret = await passwordFor(settings, password);
      return testConnection(settings, secret, { dataDir: context.dataDir });
    },

    'smtp:sendtest': async ({ settings, password, to }: In<typeof smtpSendTestInputSchema>) => {
      const db = admin();
      const secret = await passwordFor(settings, password);
      const mail = loadMailSettings(db);
      const own = isValidEmail(settings.username) ? settings.username : '';
      const from = mail.associationAddress || own || context.session.require().email || '';
      const recipient = to || own || from;
      if (!isValidEmail(recipient) || !isValidEmail(from)) {
        throw new PliError('MAIL_ADDRESS_INVALID', [
          'Saisissez l’adresse qui doit recevoir le message de test.',
        ]);
      }
      return sendTestMail(
        settings,
        secret,
        { from, to: recipient, workstation: context.prefs.get('workstationName') },
        { dataDir: context.dataDir },
      );
    },

    'smtp:presets': async ({ address }: In<typeof smtpPresetInputSchema>) => {
      admin();
      return { suggested: presetForAddress(address), all: providerPresets };
    },

    'smtp:status': async () => {
      const open = context.db.status().state === 'open';
      const testMode = open && isTestMode(smtpSettingsFor(context.db.connection(), null));
      return { testMode, outboxDir: outboxDir(context.dataDir) };
    },
  };
}
