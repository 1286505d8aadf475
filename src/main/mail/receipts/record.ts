// Ties a report to the message row it answers and records it once. A report proves itself by
// the Message-ID of our message (`<pli.{row}.{16 random hex}@…>`): only someone who received
// the message knows it. A DSN's ENVID is the bare row id, which anyone can guess, so it is a
// cross-check, never the proof: a bounce must also return our headers (we ask RET=HDRS).
import type Database from 'better-sqlite3';
import { write } from '../../db/tx';
import type { Report } from './report';

const normalized = (id: string) =>
  id
    .trim()
    .replace(/^<?(.*?)>?$/, '$1')
    .toLowerCase();

/** The message row whose Message-ID this is, or null. */
function rowFor(db: Database.Database, messageId: string | null): number | null {
  if (!messageId) return null;
  const match = /^pli\.(\d+)\.[0-9a-f]+@/.exec(normalized(messageId));
  if (!match) return null;
  const row = db
    .prepare('SELECT id, message_id FROM mail_messages WHERE id = ?')
    .get(Number(match[1])) as { id: number; message_id: string } | undefined;
  return row && normalized(row.message_id) === normalized(messageId) ? row.id : null;
}

interface Receipt {
  kind: 'mdn' | 'dsn';
  outcome: string;
  effect: 'lu' | 'rejete' | null;
  recipient: string;
  detail: string | null;
}

function receiptsOf(
  db: Database.Database,
  report: Report,
): { row: number; receipts: Receipt[] } | null {
  if (report.kind === 'mdn') {
    const row = rowFor(db, report.originalMessageId);
    if (row === null) return null;
    const effect = report.disposition === 'displayed' ? 'lu' : null;
    return {
      row,
      receipts: [
        {
          kind: 'mdn',
          outcome: report.disposition,
          effect,
          recipient: report.recipient,
          detail: null,
        },
      ],
    };
  }
  const row = rowFor(db, report.returnedMessageId);
  if (row === null || (report.envelopeId !== null && report.envelopeId !== String(row)))
    return null;
  return {
    row,
    receipts: report.recipients.map((r) => ({
      kind: 'dsn',
      outcome: r.action,
      effect: r.action === 'failed' ? 'rejete' : null,
      recipient: r.recipient,
      detail: r.diagnostic ?? r.status,
    })),
  };
}

/**
 * Records a report against its message row; returns how many rows were new (0 when another
 * workstation recorded it first), or null when it answers no message of Pli.
 */
export function recordReport(
  db: Database.Database,
  report: Report,
  workstation: string,
): number | null {
  return write(db, () => {
    const found = receiptsOf(db, report);
    if (!found) return null;
    const insert = db.prepare(
      `INSERT INTO mail_receipts (message_row, kind, outcome, effect, recipient, detail,
         reported_at, report_key, received_at, workstation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (report_key, recipient) DO NOTHING`,
    );
    const now = new Date().toISOString();
    let added = 0;
    for (const r of found.receipts) {
      added += insert.run(
        found.row,
        r.kind,
        r.outcome,
        r.effect,
        r.recipient,
        r.detail,
        report.reportedAt,
        report.key,
        now,
        workstation,
      ).changes;
    }
    return added;
  });
}
