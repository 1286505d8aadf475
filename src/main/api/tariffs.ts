// tariffs:*: each facility's tariffs (list, save, delete) and billing rules (rules, saveRules).
// Everyone signed in reads (accueil answers families' questions about prices); admin and
// facturation change them.
import type { z } from 'zod';
import type {
  billingRulesSaveInputSchema,
  facilityRefInputSchema,
  tariffDeleteInputSchema,
  tariffSaveInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { getBillingRules, saveBillingRules } from '../settings/billing-rules';
import { deleteTariff, listTariffs, saveTariff } from '../settings/tariffs';

type In<S extends z.ZodType> = z.output<S>;

/** Today on this workstation's calendar, as the office reads it ('YYYY-MM-DD'). */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function tariffHandlers(context: AppContext) {
  const db = () => context.db.connection();
  const list = (facilityId: number) => listTariffs(db(), facilityId, localToday());
  return {
    'tariffs:list': async ({ facilityId }: In<typeof facilityRefInputSchema>) => {
      context.session.require();
      return list(facilityId);
    },
    'tariffs:save': async (request: In<typeof tariffSaveInputSchema>) => {
      context.session.requireSettingsRight();
      saveTariff(db(), context.session.actor(), request);
      context.db.changed();
      return list(request.facilityId);
    },
    'tariffs:delete': async (request: In<typeof tariffDeleteInputSchema>) => {
      context.session.requireSettingsRight();
      const facilityId = deleteTariff(db(), context.session.actor(), request, localToday());
      context.db.changed();
      return list(facilityId);
    },
    'tariffs:rules': async ({ facilityId }: In<typeof facilityRefInputSchema>) => {
      context.session.require();
      return getBillingRules(db(), facilityId);
    },
    'tariffs:saveRules': async (request: In<typeof billingRulesSaveInputSchema>) => {
      context.session.requireSettingsRight();
      const rules = saveBillingRules(db(), context.session.actor(), request);
      context.db.changed();
      return rules;
    },
  };
}
