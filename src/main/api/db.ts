// db:* handlers: the state of the shared file, first-start creation, retry after an error.
import type { AppContext } from '../context';

export function dbHandlers(context: AppContext) {
  return {
    'db:status': async () => context.db.status(),
    'db:create': async ({ kind }: { kind: 'empty' | 'demo' }) => context.db.create(kind),
    'db:retry': async () => context.db.open(),
  };
}
