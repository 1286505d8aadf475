// Everything the api handlers need, assembled once per start by whichever shell runs Pli
// (Electron or the web host). Domain code receives what it needs from here explicitly.
import fs from 'node:fs';
import type { Runtime } from '../shared/contract';
import { Session } from './auth/session';
import { DatabaseService } from './db/service';
import { EventBus } from './events';
import { defaultDatabasePath } from './paths';
import type { PrefsStore } from './prefs/prefs';
import { Secrets } from './secrets';
import pkg from '../../package.json';

export interface AppContext {
  version: string;
  runtime: Runtime;
  dataDir: string;
  prefs: PrefsStore;
  events: EventBus;
  db: DatabaseService;
  session: Session;
  /** SMTP passwords: this workstation's keychain, and those typed for this session only. */
  secrets: Secrets;
  /** Electron opens a file in the system's viewer; the web host leaves it to the browser. */
  openFile?: (file: string) => Promise<void>;
}

export interface ContextOptions {
  runtime: Runtime;
  dataDir: string;
  prefs: PrefsStore;
  openFile?: (file: string) => Promise<void>;
  /** Tests pass a keychain under their own service name. */
  secrets?: Secrets;
}

export function createAppContext(options: ContextOptions): AppContext {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const events = new EventBus();
  const file = options.prefs.get('databasePath') ?? defaultDatabasePath(options.dataDir);
  const db = new DatabaseService(file, options.prefs.get('workstationName'), events);
  db.open();
  const session = new Session(() => options.prefs.get('workstationName'));
  const secrets = options.secrets ?? new Secrets();
  return { version: pkg.version, ...options, events, db, session, secrets };
}

export function closeAppContext(context: AppContext): void {
  context.db.close();
}
