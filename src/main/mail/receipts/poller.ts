// Reads the sending mailbox for receipts and bounces in the background, and on « Vérifier
// maintenant ». Every workstation runs one, but a check is skipped while another workstation's
// is recent (the shared cursor's time), so about one workstation at a time reads the mailbox;
// two that overlap record each report once all the same (UNIQUE in mail_receipts).
import type Database from 'better-sqlite3';
import { PliError, type ReceiptCheckResult } from '../../../shared/contract';
import type { Secrets } from '../../secrets';
import { checkMailbox } from './check';
import { asImapError } from './imap';
import { advanceCursor, getReceiptSettings, publicCursor, readCursor } from './settings';

export const RECEIPT_POLL_MS = 5 * 60_000;

export interface ReceiptPollerOptions {
  db: () => Database.Database | null;
  workstation: () => string;
  /** The IMAP passwords (keychain service « Pli IMAP »), keyed host|username. */
  secrets: Secrets;
  /** New rows recorded: the journals of this workstation refresh. */
  onRecorded: () => void;
  intervalMs?: number;
}

/**
 * Whether a background check is due: reading is on, and no workstation (this one included)
 * checked within most of a period, so the workstations take turns rather than all reading.
 */
export function checkDue(db: Database.Database, every: number, now = Date.now()): boolean {
  if (!getReceiptSettings(db).settings.enabled) return false;
  const last = readCursor(db).lastCheckAt;
  return !last || now - Date.parse(last) >= every * 0.8;
}

export class ReceiptPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReceiptCheckResult> | null = null;

  constructor(private readonly options: ReceiptPollerOptions) {}

  start(): void {
    const every = this.options.intervalMs ?? RECEIPT_POLL_MS;
    this.timer ??= setInterval(() => void this.tick(every), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(every: number): Promise<void> {
    const db = this.options.db();
    if (!db || !checkDue(db, every)) return;
    // A background failure is kept in the cursor for the settings page, never thrown.
    await this.checkNow().catch(() => undefined);
  }

  /** One check at a time on this workstation: a second call joins the running one. */
  checkNow(): Promise<ReceiptCheckResult> {
    this.running ??= this.check().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async check(): Promise<ReceiptCheckResult> {
    const db = this.options.db();
    if (!db) throw new PliError('DB_NOT_OPEN');
    const { settings } = getReceiptSettings(db);
    if (!settings.enabled) throw new PliError('IMAP_NOT_CONFIGURED');
    const by = this.options.workstation();
    const at = () => new Date().toISOString();
    try {
      const password = await this.options.secrets.find(settings);
      if (password === null) throw new PliError('IMAP_PASSWORD_REQUIRED');
      const counts = await checkMailbox(db, settings, password, by);
      advanceCursor(db, {
        uidValidity: counts.uidValidity,
        lastUid: counts.lastUid,
        at: at(),
        by,
        error: null,
      });
      if (counts.recorded > 0) this.options.onRecorded();
      const { read, recorded, ignored } = counts;
      return { read, recorded, ignored, cursor: publicCursor(db) };
    } catch (error) {
      const failure = asImapError(error);
      advanceCursor(db, { uidValidity: null, lastUid: 0, at: at(), by, error: failure.message });
      throw failure;
    }
  }
}
