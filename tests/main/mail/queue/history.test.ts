// An association's file keeps every month's batches: the lookups the send loop makes before
// each claim and while waiting for the lease must not walk that history (migration 010).
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_WORK_SQL, hasWork } from '../../../../src/main/mail/queue/engine';
import { INTERRUPTED_SQL } from '../../../../src/main/mail/queue/claim';
import { tempDir } from '../../../helpers';
import { ACCOUNT, batchOf, queueDatabase } from './queue-fixture';

const THROTTLE = { intervalMs: 0, pauseEvery: 0, pauseMs: 0 };
const { db } = queueDatabase(tempDir());
afterAll(() => db.close());

function plan(sql: string, params: Record<string, string>): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

describe('the queue with months of sent batches on the same account', () => {
  // Twelve finished monthly batches: their rows sent, the batches done.
  for (let month = 0; month < 12; month++) batchOf(db, 20, THROTTLE);
  db.exec(`UPDATE mail_messages SET state = 'sent'; UPDATE mail_batches SET state = 'done'`);

  it('finds a row left in sending through the sending rows only, not through each batch', () => {
    const detail = plan(INTERRUPTED_SQL, { key: ACCOUNT, token: 'x' });
    expect(detail).toContain('mail_messages_sending');
    expect(detail).not.toContain('mail_messages_batch');
  });

  it('answers whether work is left without reading the finished batches’ messages', () => {
    const detail = plan(HAS_WORK_SQL, { key: ACCOUNT });
    expect(detail).toContain('mail_messages_sending');
    // The second lookup starts from the account's active batches (none here), not from all.
    expect(detail).toContain('mail_batches_account (account_key=? AND state=?)');
    expect(detail).not.toMatch(/SCAN m\b/);
  });

  it('still says whether work is left: none, a row left in sending, a queued batch', () => {
    expect(hasWork(db, ACCOUNT)).toBe(false);
    const sending = db.prepare(`SELECT id FROM mail_messages ORDER BY id LIMIT 1`).get() as {
      id: number;
    };
    // A sender died mid-attempt in a batch since marked done: still to conclude.
    db.prepare(`UPDATE mail_messages SET state = 'sending' WHERE id = ?`).run(sending.id);
    expect(hasWork(db, ACCOUNT)).toBe(true);
    db.prepare(`UPDATE mail_messages SET state = 'sent' WHERE id = ?`).run(sending.id);
    expect(hasWork(db, ACCOUNT)).toBe(false);
    batchOf(db, 1, THROTTLE);
    expect(hasWork(db, ACCOUNT)).toBe(true);
    expect(hasWork(db, 'smtp.autre.example|compta')).toBe(false);
  });
});
