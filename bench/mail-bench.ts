// What the mail benches share: a demo Pli file whose association server is the bench's
// smtp-server on 127.0.0.1, batches written by the product's « Envoyer » (sendInvoices: invoice
// PDFs on disk, one row per invoice, one batch per facility and month), and the product's send
// loop (runQueue with openAccount's transport and composeRow) draining them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Actor } from '../src/main/db/audit';
import { generateDemo } from '../src/main/db/demo/generate';
import { openDatabase } from '../src/main/db/open';
import { prepareInvoiceMessage } from '../src/main/mail/invoice-message';
import type { PresendPlaces } from '../src/main/mail/presend';
import { accountKeyForFacility, openAccount } from '../src/main/mail/queue/accounts';
import { composeRow } from '../src/main/mail/queue/adapters';
import { runQueue, type RunSummary } from '../src/main/mail/queue/engine';
import { sendInvoices } from '../src/main/mail/send';
import { getSmtpSettings, saveSmtpSettings } from '../src/main/mail/smtp/settings';
import { Secrets } from '../src/main/secrets';
import type { MailBatch, Throttle } from '../src/shared/contract';

/** The throttle off: 0 s between messages, no long pause (a pace Paramètres accepts). */
export const NO_THROTTLE: Throttle = { intervalMs: 0, pauseEvery: 0, pauseMs: 0 };

export interface MailBench {
  db: Database.Database;
  file: string;
  /**
   * Queues `count` invoice messages (PDF attached) in batches at this pace (omitted: the
   * association's, as « Envoyer » without a change does); returns the batches.
   */
  enqueue(count: number, throttle?: Throttle): Promise<MailBatch[]>;
  /** The product's send loop until nothing is left to send; `timing` adds up where time went. */
  drain(timing?: DrainTiming): Promise<RunSummary>;
  close(): void;
}

/** Milliseconds spent composing (row → MIME, PDF read) and in the SMTP transport. */
export interface DrainTiming {
  composeMs: number;
  smtpMs: number;
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

interface Candidate {
  id: number;
  facility_id: number;
  period: string;
}

export function createMailBench(smtpPort: number, residents = 240): MailBench {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-bench-mail-'));
  const file = path.join(dir, 'pli.sqlite');
  const db = openDatabase(file, { create: true, appliedBy: 'bench' });
  const hashes = { admin: 'x', facturation: 'x', accueil: 'x' }; // scrypt is not what we measure
  generateDemo(db, { residents, months: 12, seed: 1, today: '2026-11-15', passwordHashes: hashes });
  const user = (role: string): Actor => {
    const row = db.prepare('SELECT id, name FROM users WHERE role = ? LIMIT 1').get(role) as {
      id: number;
      name: string;
    };
    return { userId: row.id, userName: row.name, workstation: 'POSTE-BENCH' };
  };
  saveSmtpSettings(db, user('admin'), {
    facilityId: null,
    version: getSmtpSettings(db, null).version,
    settings: {
      host: '127.0.0.1',
      port: smtpPort,
      security: 'none',
      auth: 'none',
      username: '',
      pinnedCertificate: null,
    },
  });
  const places: PresendPlaces = { databaseFile: file, dataDir: dir };
  const sender = user('facturation');
  // Issued invoices, newest month first; each may be sent again (a deliberate resend).
  const pool = db
    .prepare(
      `SELECT id, facility_id, period FROM invoices WHERE status = 'issued'
       ORDER BY period DESC, facility_id, id`,
    )
    .all() as Candidate[];
  let next = 0;

  /** The next `count` invoices « Envoyer » accepts (an address, a PDF under the limits). */
  async function sendable(count: number): Promise<Candidate[]> {
    const chosen: Candidate[] = [];
    while (chosen.length < count && next < pool.length) {
      const candidate = pool[next++] as Candidate;
      try {
        await prepareInvoiceMessage(db, places, {
          invoiceId: candidate.id,
          docType: 'facture',
          generalAttachments: [],
        });
        chosen.push(candidate);
      } catch {
        // No usable address (a family that gets paper): « Envoyer » would refuse it too.
      }
    }
    if (chosen.length < count) throw new Error(`bench : ${chosen.length} factures envoyables`);
    return chosen;
  }

  return {
    db,
    file,
    async enqueue(count, throttle) {
      const groups = new Map<string, Candidate[]>();
      for (const invoice of await sendable(count)) {
        const key = `${invoice.facility_id}/${invoice.period}`;
        groups.set(key, [...(groups.get(key) ?? []), invoice]);
      }
      const batches: MailBatch[] = [];
      for (const invoices of groups.values()) {
        const first = invoices[0] as Candidate;
        batches.push(
          await sendInvoices(db, places, sender, {
            facilityId: first.facility_id,
            period: first.period,
            invoiceIds: invoices.map((i) => i.id),
            requestReceipt: false,
            attachmentRefs: [],
            individualAttachments: [],
            ...(throttle ? { throttle } : {}),
          }),
        );
      }
      return batches;
    },
    async drain(timing) {
      const account = await openAccount(db, new Secrets(), dir, null);
      try {
        return await runQueue({
          db,
          workstation: sender.workstation,
          account: { key: accountKeyForFacility(db, null), dailyCap: account.dailyCap },
          transport: timing
            ? {
                async send(message, envelope) {
                  const start = process.hrtime.bigint();
                  const result = await account.transport.send(message, envelope);
                  timing.smtpMs += since(start);
                  return result;
                },
              }
            : account.transport,
          compose: timing
            ? async (row) => {
                const start = process.hrtime.bigint();
                const composed = await composeRow(row);
                timing.composeMs += since(start);
                return composed;
              }
            : composeRow,
        });
      } finally {
        account.close();
      }
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
