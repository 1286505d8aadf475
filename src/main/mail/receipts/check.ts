// One reading of the mailbox: the messages that arrived since the shared cursor's UID (all of
// them after a UIDVALIDITY change), each report among them recorded against its message row,
// then the cursor moved on. Only multipart/report messages are downloaded; the rest are seen by
// their structure alone. A failure leaves the cursor where it was: the next check reads the same
// messages again, and recording is idempotent.
import type Database from 'better-sqlite3';
import type { ReceiptSettings } from '../../../shared/contract';
import { closeImap, examine, openImap } from './imap';
import { recordReport } from './record';
import { readReport } from './report';
import { readCursor } from './settings';

/** A report bigger than this (a bounce returning a whole message and its PDFs) is skipped. */
const MAX_REPORT_BYTES = 30 * 1024 * 1024;

export interface CheckCounts {
  read: number;
  recorded: number;
  ignored: number;
  uidValidity: string;
  lastUid: number;
}

export async function checkMailbox(
  db: Database.Database,
  settings: ReceiptSettings,
  password: string,
  workstation: string,
): Promise<CheckCounts> {
  const client = await openImap(settings, password);
  try {
    const lock = await examine(client, settings.folder);
    try {
      const mailbox = client.mailbox;
      const uidValidity = mailbox ? String(mailbox.uidValidity) : '';
      const cursor = readCursor(db);
      const from = cursor.uidValidity === uidValidity ? cursor.lastUid + 1 : 1;
      const counts: CheckCounts = {
        read: 0,
        recorded: 0,
        ignored: 0,
        uidValidity,
        lastUid: from - 1,
      };
      if (!mailbox || mailbox.exists === 0) return counts;
      const reports: number[] = [];
      // « from:* » also returns the last message when none is newer: hence the uid test.
      for await (const message of client.fetch(
        `${from}:*`,
        { uid: true, bodyStructure: true, size: true },
        { uid: true },
      )) {
        if (message.uid < from) continue;
        counts.read += 1;
        counts.lastUid = Math.max(counts.lastUid, message.uid);
        const isReport = message.bodyStructure?.type.toLowerCase() === 'multipart/report';
        if (isReport && (message.size ?? 0) <= MAX_REPORT_BYTES) reports.push(message.uid);
      }
      counts.ignored = counts.read - reports.length;
      for (const uid of reports) {
        const fetched = await client.fetchOne(String(uid), { source: true }, { uid: true });
        const report =
          fetched && fetched.source ? readReport(fetched.source.toString('utf8')) : null;
        const added = report ? recordReport(db, report, workstation) : null;
        if (added === null) counts.ignored += 1;
        else counts.recorded += added;
      }
      return counts;
    } finally {
      lock.release();
    }
  } finally {
    await closeImap(client);
  }
}
