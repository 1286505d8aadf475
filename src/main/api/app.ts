// app:* handlers: facts about this copy of Pli.
import type { About } from '../../shared/contract';
import type { AppContext } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

export function appHandlers(context: AppContext) {
  return {
    'app:about': async (): Promise<About> => {
      const status = context.db.status();
      const open = status.state === 'open';
      const association = open
        ? (context.db.connection().prepare('SELECT name FROM association WHERE id = 1').get() as
            { name: string } | undefined)
        : undefined;
      return {
        version: context.version,
        runtime: context.runtime,
        workstationName: context.prefs.get('workstationName'),
        dataDir: context.dataDir,
        databasePath: status.path,
        associationName: association?.name ?? null,
        schemaVersion: open ? status.schemaVersion : null,
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
      };
    },
  };
}
