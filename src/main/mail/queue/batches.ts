// Batches of message rows: created from rows already written (issue 5's message rows, not yet
// in a batch) with the association's pace or the one chosen for this batch; paused, resumed,
// cancelled; and « Renvoyer les échecs », which writes a new row per failed one (resend_of
// points back) instead of moving a failed row backwards (DESIGN rule 4). The new row gets a
// new Message-ID: it is a deliberate, corrected resend, not the same attempt repeated (a
// resend after a crash reuses its row, hence its Message-ID). Its recipients are read again
// from the resident's record: an address fixed there since the failure is the one used.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PliError, type MailBatch, type Throttle } from '../../../shared/contract';
import { audit, type Actor } from '../../db/audit';
import { write } from '../../db/tx';
import { headerAddress } from '../headers';
import { newMessageId } from '../message-row';
import { addressesOf } from '../presend';
import { addressKey, invoiceAddresses, loadAddressBook } from '../recipients';
import { accountKeyForFacility } from './accounts';
import { iso } from './claim';
import { closeIfDone } from './finish';
import { getBatch } from './progress';
import { loadQueueSettings } from './settings';

function mustGet(db: Database.Database, batchId: number): MailBatch {
  const batch = getBatch(db, batchId);
  if (!batch) throw new PliError('NOT_FOUND');
  return batch;
}

export function enqueueBatch(
  db: Database.Database,
  actor: Actor,
  request: { messageIds: readonly number[]; throttle?: Throttle },
): MailBatch {
  const ids = [...new Set(request.messageIds)];
  const batchId = write(db, () => {
    const marks = ids.map(() => '?').join(', ');
    const rows = db
      .prepare(
        `SELECT m.id, m.batch_id, m.state, m.from_address, m.sender_mode, m.doc_type,
           i.facility_id, i.period
         FROM mail_messages m LEFT JOIN invoices i ON i.id = m.invoice_id
         WHERE m.id IN (${marks})`,
      )
      .all(...ids) as {
      id: number;
      batch_id: number | null;
      state: string;
      from_address: string;
      sender_mode: string;
      doc_type: string;
      facility_id: number | null;
      period: string | null;
    }[];
    if (
      rows.length !== ids.length ||
      rows.some((r) => r.batch_id !== null || r.state !== 'queued')
    ) {
      throw new PliError('MAIL_QUEUE_ROWS_INVALID');
    }
    const accounts = new Set(
      rows.map((r) =>
        accountKeyForFacility(db, r.facility_id, { mode: r.sender_mode, address: r.from_address }),
      ),
    );
    if (accounts.size !== 1) throw new PliError('MAIL_QUEUE_MIXED_SENDERS');
    const only = <T>(values: T[]): T | null =>
      new Set(values).size === 1 ? (values[0] ?? null) : null;
    const throttle = request.throttle ?? loadQueueSettings(db);
    const id = Number(
      db
        .prepare(
          `INSERT INTO mail_batches (facility_id, period, doc_type, state, created_at, created_by,
             workstation, account_key, interval_ms, pause_every, pause_ms)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          only(rows.map((r) => r.facility_id)),
          only(rows.map((r) => r.period)),
          only(rows.map((r) => r.doc_type)) ?? 'mixte',
          new Date().toISOString(),
          actor.userId,
          actor.workstation,
          [...accounts][0],
          throttle.intervalMs,
          throttle.pauseEvery,
          throttle.pauseMs,
        ).lastInsertRowid,
    );
    db.prepare(`UPDATE mail_messages SET batch_id = ? WHERE id IN (${marks})`).run(id, ...ids);
    audit(db, actor, {
      entity: 'mail_batch',
      entityId: id,
      action: 'create',
      changes: { messages: ids.length, throttle },
    });
    return id;
  });
  return mustGet(db, batchId);
}

function transition(
  db: Database.Database,
  actor: Actor,
  batchId: number,
  action: string,
  change: (state: MailBatch['state']) => void,
): MailBatch {
  write(db, () => {
    const row = db.prepare('SELECT state FROM mail_batches WHERE id = ?').get(batchId) as
      { state: MailBatch['state'] } | undefined;
    if (!row) throw new PliError('NOT_FOUND');
    change(row.state);
    audit(db, actor, { entity: 'mail_batch', entityId: batchId, action });
  });
  return mustGet(db, batchId);
}

const finished = (state: MailBatch['state']) => state === 'done' || state === 'cancelled';

/** No new message starts; a message being sent finishes. */
export function pauseBatch(db: Database.Database, actor: Actor, batchId: number): MailBatch {
  return transition(db, actor, batchId, 'pause', (state) => {
    if (finished(state)) throw new PliError('MAIL_BATCH_FINISHED');
    db.prepare(
      `UPDATE mail_batches SET state = 'paused', paused_code = 'USER', paused_reason = ?,
         version = version + 1
       WHERE id = ? AND state IN ('queued', 'running')`,
    ).run(`Mis en pause par ${actor.userName}. Cliquez sur « Reprendre » pour continuer.`, batchId);
  });
}

export function resumeBatch(db: Database.Database, actor: Actor, batchId: number): MailBatch {
  return transition(db, actor, batchId, 'resume', (state) => {
    if (finished(state)) throw new PliError('MAIL_BATCH_FINISHED');
    db.prepare(
      `UPDATE mail_batches SET state = 'running', paused_code = NULL, paused_reason = NULL,
         version = version + 1
       WHERE id = ? AND state = 'paused'`,
    ).run(batchId);
  });
}

/** Cancels what has not started; a row being sent is left to finish (it may already be out). */
export function cancelBatch(db: Database.Database, actor: Actor, batchId: number): MailBatch {
  return transition(db, actor, batchId, 'cancel', (state) => {
    if (finished(state)) throw new PliError('MAIL_BATCH_FINISHED');
    db.prepare(
      `UPDATE mail_messages SET state = 'cancelled', next_attempt_at = NULL
       WHERE batch_id = ? AND state IN ('queued', 'retry_wait')`,
    ).run(batchId);
    db.prepare(
      `UPDATE mail_batches SET state = 'cancelled', finished_at = ?, version = version + 1
       WHERE id = ?`,
    ).run(iso(Date.now()), batchId);
  });
}

/** A new pace for a batch, from its next message on (a slow-down the server asked for stays). */
export function setBatchThrottle(
  db: Database.Database,
  actor: Actor,
  request: { batchId: number; throttle: Throttle },
): MailBatch {
  const { throttle } = request;
  return transition(db, actor, request.batchId, 'throttle', (state) => {
    if (finished(state)) throw new PliError('MAIL_BATCH_FINISHED');
    db.prepare(
      `UPDATE mail_batches SET interval_ms = ?, pause_every = ?, pause_ms = ?, version = version + 1
       WHERE id = ?`,
    ).run(throttle.intervalMs, throttle.pauseEvery, throttle.pauseMs, request.batchId);
  });
}

const COPIED = `batch_id, invoice_id, doc_type, sender_mode, from_address, from_name, reply_to,
  to_addresses, bcc_addresses, subject, body_text, attachments, request_receipt`;

/**
 * Who a resend goes to. An address of the failed row that is no longer in the resident's record
 * (corrected or removed there since the failure) gives way to the invoice's current recipients
 * the row did not have, so « corrigez l'adresse, puis Renvoyer les échecs » reaches the fixed
 * address. Addresses still in the record stay; with no new recipient in the record, the row's
 * addresses are kept as they were (a typed address, a record left unchanged). Null: unchanged.
 */
export function resendRecipients(
  db: Database.Database,
  row: { invoice_id: number | null; to_addresses: string },
): string[] | null {
  if (row.invoice_id === null) return null;
  const invoice = db
    .prepare('SELECT resident_id FROM invoices WHERE id = ?')
    .get(row.invoice_id) as { resident_id: number } | undefined;
  if (!invoice) return null;
  const people = loadAddressBook(db, [invoice.resident_id]).people.get(invoice.resident_id) ?? [];
  const inRecord = new Set(people.filter((p) => p.valid).map((p) => addressKey(p.address)));
  const old = addressesOf(row.to_addresses);
  const kept = old.filter((address) => inRecord.has(address));
  if (kept.length === old.length) return null;
  const added = invoiceAddresses(people)
    .recipients.map((r) => r.address)
    .filter((address) => !old.includes(addressKey(address)));
  if (added.length === 0) return null;
  const current = JSON.parse(row.to_addresses) as string[];
  const stays = current.filter((a) => inRecord.has(addressKey(/<([^>]*)>\s*$/.exec(a)?.[1] ?? a)));
  return [...stays, ...added];
}

/** « Renvoyer les échecs »: a new queued row for each failed row not resent yet. */
export function retryFailed(
  db: Database.Database,
  actor: Actor,
  request: { batchId: number; messageIds?: readonly number[] },
): MailBatch {
  return transition(db, actor, request.batchId, 'retryfailed', (state) => {
    if (state === 'cancelled') throw new PliError('MAIL_BATCH_FINISHED');
    const failed = db
      .prepare(
        `SELECT m.id, m.from_address, m.invoice_id, m.to_addresses FROM mail_messages m
         WHERE m.batch_id = ? AND m.state = 'failed'
           AND NOT EXISTS (SELECT 1 FROM mail_messages r WHERE r.resend_of = m.id)
         ORDER BY m.id`,
      )
      .all(request.batchId) as {
      id: number;
      from_address: string;
      invoice_id: number | null;
      to_addresses: string;
    }[];
    const wanted = request.messageIds ? new Set(request.messageIds) : null;
    const now = iso(Date.now());
    for (const row of failed.filter((r) => !wanted || wanted.has(r.id))) {
      const id = Number(
        db
          .prepare(
            `INSERT INTO mail_messages (${COPIED}, state, message_id, resend_of, created_at,
               created_by, workstation)
             SELECT ${COPIED}, 'queued', ?, id, ?, ?, ? FROM mail_messages WHERE id = ?`,
          )
          .run(
            `pending.${randomBytes(16).toString('hex')}`,
            now,
            actor.userId,
            actor.workstation,
            row.id,
          ).lastInsertRowid,
      );
      db.prepare('UPDATE mail_messages SET message_id = ? WHERE id = ?').run(
        newMessageId(id, headerAddress(row.from_address, 'Adresse de l’expéditeur')),
        id,
      );
      const to = resendRecipients(db, row);
      if (to) {
        db.prepare('UPDATE mail_messages SET to_addresses = ? WHERE id = ?').run(
          JSON.stringify(to),
          id,
        );
      }
    }
    db.prepare(
      `UPDATE mail_batches SET state = CASE state WHEN 'paused' THEN 'paused' ELSE 'running' END,
         finished_at = NULL, version = version + 1
       WHERE id = ?`,
    ).run(request.batchId);
    closeIfDone(db, request.batchId, Date.now());
  });
}
