// facilities:* and users:* settings handlers: admin and facturation may change facilities,
// only the administrator manages users; accueil reads.
import type { z } from 'zod';
import type { facilitySaveInputSchema, userSaveInputSchema } from '../../shared/contract';
import type { AppContext } from '../context';
import { listFacilityDetails, saveFacility } from '../settings/facilities';
import { listUsers, saveUser } from '../settings/users';

export function settingsHandlers(context: AppContext) {
  const db = () => context.db.connection();
  return {
    'facilities:details': async () => {
      context.session.require();
      return listFacilityDetails(db());
    },
    'facilities:save': async (request: z.output<typeof facilitySaveInputSchema>) => {
      context.session.requireSettingsRight();
      const facility = saveFacility(db(), context.session.actor(), request);
      context.db.changed();
      return facility;
    },
    'users:list': async () => {
      context.session.requireAdmin();
      return listUsers(db());
    },
    'users:save': async (request: z.output<typeof userSaveInputSchema>) => {
      context.session.requireAdmin();
      const user = await saveUser(db(), context.session.actor(), request);
      context.db.changed();
      return user;
    },
  };
}
