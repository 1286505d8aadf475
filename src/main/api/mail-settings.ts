// mailsettings:* handlers: the association's email settings are the administrator's alone
// (they decide whose address every family sees), read and saved version-checked and audited.
import type { z } from 'zod';
import type { mailSettingsSaveInputSchema } from '../../shared/contract';
import type { AppContext } from '../context';
import { getMailSettings, saveMailSettings } from '../mail/settings';

export function mailSettingsHandlers(context: AppContext) {
  const db = () => context.db.connection();
  return {
    'mailsettings:get': async () => {
      context.session.requireAdmin();
      return getMailSettings(db());
    },
    'mailsettings:save': async (request: z.output<typeof mailSettingsSaveInputSchema>) => {
      context.session.requireAdmin();
      const saved = saveMailSettings(db(), context.session.actor(), request);
      context.db.changed();
      return saved;
    },
  };
}
