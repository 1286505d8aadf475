// db:* handlers: the state of the shared file, first-start creation, retry after an error,
// and choosing another file (the one on the association's share).
import type { AppContext } from '../context';

export function dbHandlers(context: AppContext) {
  return {
    'db:status': async () => context.db.status(),
    'db:create': async ({ kind }: { kind: 'empty' | 'demo' }) => context.db.create(kind),
    'db:retry': async () => context.db.open(),
    'db:open': async ({ path }: { path: string }) => {
      context.session.signOut();
      const status = context.db.switchTo(path);
      context.prefs.set('databasePath', context.db.path);
      return status;
    },
  };
}
