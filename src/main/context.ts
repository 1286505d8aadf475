// Everything the api handlers need, assembled once per start by whichever shell runs Pli
// (Electron or the web host). Domain code receives what it needs from here explicitly.
import fs from 'node:fs';
import type { Runtime } from '../shared/contract';
import { Session } from './auth/session';
import { DatabaseService } from './db/service';
import { EventBus } from './events';
import { scheduleHandoverCleanup } from './mail/handover/cleanup';
import { openAccount } from './mail/queue/accounts';
import { MailQueueService } from './mail/queue/service';
import { ReceiptPoller } from './mail/receipts/poller';
import { defaultDatabasePath } from './paths';
import type { PrefsStore } from './prefs/prefs';
import { Secrets, systemKeychain } from './secrets';
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
  /** The send queue: one loop per SMTP account with work, competing for its network lease. */
  mailQueue: MailQueueService;
  /** Stops the hourly removal of day-old hand-off folders (mail/handover/cleanup.ts). */
  stopCleanup: () => void;
  /** IMAP passwords of the receipts mailbox: the keychain's service « Pli IMAP ». */
  receiptSecrets: Secrets;
  /** Reads read receipts and bounces from the sending mailbox (Paramètres › Accusés de réception). */
  receipts: ReceiptPoller;
  /** Electron opens a file in the system's viewer; the web host leaves it to the browser. */
  openFile?: (file: string) => Promise<void>;
  /** Electron opens a sign-in page in the system browser; the web host's renderer opens a tab. */
  openExternal?: (url: string) => Promise<void>;
  /** Electron's file dialog for « Choisir le programme… »; in a browser the path is typed. */
  chooseProgram?: (title: string) => Promise<string | null>;
}

export interface ContextOptions {
  runtime: Runtime;
  dataDir: string;
  prefs: PrefsStore;
  openFile?: (file: string) => Promise<void>;
  openExternal?: (url: string) => Promise<void>;
  chooseProgram?: (title: string) => Promise<string | null>;
  /** Tests pass a keychain under their own service name. */
  secrets?: Secrets;
  receiptSecrets?: Secrets;
}

export function createAppContext(options: ContextOptions): AppContext {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const events = new EventBus();
  const file = options.prefs.get('databasePath') ?? defaultDatabasePath(options.dataDir);
  const db = new DatabaseService(file, options.prefs.get('workstationName'), events);
  db.open();
  const session = new Session(() => options.prefs.get('workstationName'));
  const secrets = options.secrets ?? new Secrets();
  const mailQueue = new MailQueueService({
    db: () => (db.status().state === 'open' ? db.connection() : null),
    workstation: () => options.prefs.get('workstationName'),
    events,
    open: (connection, facilityId, key) =>
      openAccount(connection, secrets, options.dataDir, facilityId, key),
  });
  // Unfinished batches (this workstation's or another's whose holder died) resume at start.
  mailQueue.start();
  const receiptSecrets = options.receiptSecrets ?? new Secrets(systemKeychain('Pli IMAP'));
  const receipts = new ReceiptPoller({
    db: () => (db.status().state === 'open' ? db.connection() : null),
    workstation: () => options.prefs.get('workstationName'),
    secrets: receiptSecrets,
    onRecorded: () => db.changed(),
  });
  receipts.start();
  const stopCleanup = scheduleHandoverCleanup(options.dataDir);
  return {
    version: pkg.version,
    ...options,
    events,
    db,
    session,
    secrets,
    mailQueue,
    receiptSecrets,
    receipts,
    stopCleanup,
  };
}

/** Lets the message being sent finish and be recorded, then closes. */
export async function stopAppContext(context: AppContext): Promise<void> {
  await context.mailQueue.stop();
  closeAppContext(context);
}

export function closeAppContext(context: AppContext): void {
  // A message still being sent is found in 'sending' at the next start and resent, flagged.
  void context.mailQueue.stop();
  context.receipts.stop();
  context.stopCleanup();
  context.db.close();
}
