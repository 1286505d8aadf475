// The queue as a background service of the main process (Electron or web host): every few
// seconds, and at once after an enqueue or a resume, it starts one send loop per SMTP account
// that has work, on this workstation. Loops on several workstations compete for the account's
// lease; the loser waits and takes over if the holder stops. stop() lets each loop finish the
// message it is sending, record it, and give the lease back.
import type Database from 'better-sqlite3';
import {
  errorMessages,
  PliError,
  type EventPayload,
  type MailBatch,
} from '../../../shared/contract';
import { write } from '../../db/tx';
import { composeRow } from './adapters';
import { defaultClassify, runQueue } from './engine';
import { listBatches, progressOf } from './progress';
import type { OpenedAccount } from './accounts';
import type { Classified, QueueEvents } from './types';

export interface QueueServiceOptions {
  /** The open shared file, or null (none open yet). */
  db: () => Database.Database | null;
  workstation: () => string;
  events: QueueEvents;
  /** `key`: the batch's account (a user's own mailbox differs from the facility's login). */
  open: (db: Database.Database, facilityId: number | null, key: string) => Promise<OpenedAccount>;
  tickMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Accounts with something to send now or later (or a row interrupted mid-send). */
function accountsWithWork(db: Database.Database) {
  return db
    .prepare(
      `SELECT b.account_key AS key, min(b.facility_id) AS facilityId
       FROM mail_batches b JOIN mail_messages m ON m.batch_id = b.id
       WHERE m.state = 'sending'
          OR (b.state IN ('queued', 'running') AND m.state IN ('queued', 'retry_wait'))
       GROUP BY b.account_key`,
    )
    .all() as { key: string; facilityId: number | null }[];
}

/** Every active batch of the account waits, with what to fix (password, TLS…). */
export function pauseAccount(db: Database.Database, key: string, failure: Classified): void {
  write(db, () => {
    db.prepare(
      `UPDATE mail_batches SET state = 'paused', paused_code = ?, paused_reason = ?,
         version = version + 1
       WHERE account_key = ? AND state IN ('queued', 'running')`,
    ).run(failure.code, failure.message, key);
  });
}

export class MailQueueService {
  private readonly loops = new Map<string, Promise<void>>();
  /** Accounts that could not be opened for a temporary reason: not retried before this time. */
  private readonly retryAt = new Map<string, number>();
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  /** The last progress pushed per unfinished batch, sent by this workstation or another. */
  private readonly shown = new Map<number, string>();
  /** Accounts whose loop waits for the shared folder to come back (share.ts). */
  private readonly waitingForShare = new Set<string>();

  constructor(private readonly options: QueueServiceOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.tickMs ?? 5000);
    this.timer.unref();
    this.kick();
  }

  /** Looks for work now (after an enqueue, a resume, a resend). */
  kick(): void {
    if (this.controller.signal.aborted) return;
    const db = this.options.db();
    if (!db) return;
    let accounts: { key: string; facilityId: number | null }[];
    try {
      accounts = accountsWithWork(db);
      this.publish(db);
    } catch (error) {
      this.options.log?.('file d’envoi illisible', error);
      return;
    }
    for (const { key, facilityId } of accounts) {
      if (this.loops.has(key) || (this.retryAt.get(key) ?? 0) > Date.now()) continue;
      const loop = this.run(db, key, facilityId).finally(() => this.loops.delete(key));
      this.loops.set(key, loop);
    }
  }

  /**
   * The batches as this workstation sees them: while its loop waits for the shared folder, the
   * file cannot record a pause, so the active batches are shown paused here, with the reason.
   */
  withShareState(batches: MailBatch[]): MailBatch[] {
    if (this.waitingForShare.size === 0) return batches;
    return batches.map((batch) =>
      batch.state === 'queued' || batch.state === 'running'
        ? {
            ...batch,
            state: 'paused',
            pausedCode: 'SHARE_UNREACHABLE',
            pausedReason: errorMessages.SHARE_UNREACHABLE,
            etaSeconds: null,
          }
        : batch,
    );
  }

  private shareChanged(key: string, lost: boolean): void {
    if (lost) this.waitingForShare.add(key);
    else this.waitingForShare.delete(key);
    this.options.log?.(lost ? 'dossier partagé inaccessible' : 'dossier partagé revenu');
    // The last progress pushed, again: each window reloads the batches and shows the pause.
    for (const text of this.shown.values()) {
      this.options.events.emit('mail:progress', JSON.parse(text) as EventPayload<'mail:progress'>);
    }
  }

  /**
   * Progress of every unfinished batch, whichever workstation sends it, so a progress bar moves
   * on every workstation (the sender also pushes after each message).
   */
  private publish(db: Database.Database): void {
    for (const batch of listBatches(db, Date.now(), 20)) {
      const active =
        batch.state === 'queued' || batch.state === 'running' || batch.state === 'paused';
      if (!active && !this.shown.has(batch.id)) continue;
      const payload = progressOf(batch);
      const text = JSON.stringify(payload);
      if (this.shown.get(batch.id) !== text) this.options.events.emit('mail:progress', payload);
      if (active) this.shown.set(batch.id, text);
      else this.shown.delete(batch.id);
    }
  }

  private async run(db: Database.Database, key: string, facilityId: number | null) {
    let opened: OpenedAccount;
    try {
      opened = await this.options.open(db, facilityId, key);
    } catch (error) {
      const failure = defaultClassify(error);
      if (error instanceof PliError || failure.kind === 'pause') pauseAccount(db, key, failure);
      else this.retryAt.set(key, Date.now() + 60_000);
      return;
    }
    try {
      await runQueue({
        db,
        workstation: this.options.workstation(),
        account: { key, dailyCap: opened.dailyCap },
        transport: opened.transport,
        compose: composeRow,
        events: this.options.events,
        signal: this.controller.signal,
        onShare: (lost) => this.shareChanged(key, lost),
      });
    } catch (error) {
      // The file closed or became unreachable: the next tick starts again where the rows say.
      this.options.log?.('envoi interrompu', error);
    } finally {
      this.waitingForShare.delete(key);
      opened.close();
    }
  }

  /**
   * Waits for the messages being sent to finish and be recorded, at most `waitMs`: past that the
   * app closes anyway and the row, still 'sending', is resent (flagged) at the next start.
   */
  async stop(waitMs = 10_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.loops.values()]), late]);
    clearTimeout(timer);
  }
}
