// auth:* handlers: who may use Pli on this workstation.
import type { z } from 'zod';
import type { setupInputSchema } from '../../shared/contract';
import { authState, setupAdministrator, signIn } from '../auth/users';
import type { AppContext } from '../context';

export function authHandlers(context: AppContext) {
  const workstation = () => context.prefs.get('workstationName');
  return {
    'auth:state': async () => authState(context.db.connection(), context.session.current),
    'auth:setup': async (input: z.output<typeof setupInputSchema>) => {
      const user = await setupAdministrator(context.db.connection(), input, workstation());
      context.session.signIn(user);
      context.db.changed();
      return user;
    },
    'auth:signIn': async ({ userId, password }: { userId: number; password: string }) => {
      const user = await signIn(context.db.connection(), userId, password);
      context.session.signIn(user);
      return user;
    },
    'auth:signOut': async () => {
      context.session.signOut();
      // Passwords typed without « Mémoriser sur ce poste » do not outlive the session.
      context.secrets.clearSession();
      return {};
    },
  };
}
