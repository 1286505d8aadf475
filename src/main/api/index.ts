// All handlers, one module per domain. The `Handlers` type makes a missing or mistyped
// channel a compile error.
import type { AppContext } from '../context';
import { appHandlers } from './app';
import { prefsHandlers } from './prefs';
import { authHandlers } from './auth';
import { billingHandlers } from './billing';
import { dashboardHandlers } from './dashboard';
import { dbHandlers } from './db';
import { importHandlers } from './import';
import { mailPresendHandlers } from './mail-presend';
import { mailQueueHandlers } from './mail-queue';
import { mailSendHandlers } from './mail-send';
import { mailHandoverHandlers } from './mail-handover';
import { mailPreviewHandlers } from './mail-preview';
import { mailSettingsHandlers } from './mail-settings';
import { receiptHandlers } from './receipts';
import { reminderHandlers } from './reminders';
import { residentBillingHandlers } from './resident-billing';
import { residentHandlers } from './residents';
import { settingsHandlers } from './settings';
import { smtpHandlers } from './smtp';
import { smtpOAuthHandlers } from './smtp-oauth';
import { tariffHandlers } from './tariffs';
import { templateHandlers } from './templates';
import type { Handlers } from './dispatch';

export function createHandlers(context: AppContext): Handlers {
  return {
    ...appHandlers(context),
    ...dbHandlers(context),
    ...authHandlers(context),
    ...residentHandlers(context),
    ...residentBillingHandlers(context),
    ...settingsHandlers(context),
    ...importHandlers(context),
    ...billingHandlers(context),
    ...tariffHandlers(context),
    ...templateHandlers(context),
    ...mailSettingsHandlers(context),
    ...mailPresendHandlers(context),
    ...mailQueueHandlers(context),
    ...mailSendHandlers(context),
    ...mailHandoverHandlers(context),
    ...mailPreviewHandlers(context),
    ...smtpHandlers(context),
    ...smtpOAuthHandlers(context),
    ...reminderHandlers(context),
    ...dashboardHandlers(context),
    ...receiptHandlers(context),
    ...prefsHandlers(context),
  };
}

export { dispatch, call, type Handlers } from './dispatch';
