// dashboard:month: the home page's figures for a month and the one before it, for any user
// signed in.
import type { z } from 'zod';
import type { dashboardInputSchema } from '../../shared/contract';
import { dashboardMonth } from '../billing/dashboard';
import type { AppContext } from '../context';

export function dashboardHandlers(context: AppContext) {
  return {
    'dashboard:month': async ({ period }: z.output<typeof dashboardInputSchema>) => {
      context.session.require();
      return dashboardMonth(context.db.connection(), period);
    },
  };
}
