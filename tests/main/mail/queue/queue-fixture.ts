// A real Pli file with one issued invoice and the association's sender set, message rows
// written by issue 5's createInvoiceMessage, and a nodemailer transport to a loopback server.
import type Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import { createInvoiceMessage } from '../../../../src/main/mail/message-row';
import { nodemailerTransport } from '../../../../src/main/mail/queue/adapters';
import { enqueueBatch } from '../../../../src/main/mail/queue/batches';
import { saveMailSettings } from '../../../../src/main/mail/settings';
import { DEFAULT_MAIL_SETTINGS, type Throttle } from '../../../../src/shared/contract';
import { actor, seededDatabase } from '../../../fixtures/db';

export const SENDER = 'factures@coeur-de-loire.example';
/** No server configured in these files: the account is the test outbox's key. */
export const ACCOUNT = 'outbox';

export function queueDatabase(dir: string): { db: Database.Database; file: string } {
  const { db, file } = seededDatabase(dir);
  db.exec(`
    INSERT INTO residents (id, facility_id, civilite, nom, prenom, room, admission_date, search_key,
        created_at, updated_at)
      VALUES (1, 1, 'Mme', 'Lefèvre', 'Éléonore', '12', '2024-03-01', 'lefevre eleonore', '2024-01-01', '2024-01-01');
    INSERT INTO invoices (id, facility_id, resident_id, status, seq, number, period, issue_date,
        due_date, total_cents, created_at)
      VALUES (7, 1, 1, 'issued', 1, 'TIL-2026-0001', '2026-09', '2026-10-01', '2026-10-31', 254300, '2026-10-01');
  `);
  saveMailSettings(db, actor('POSTE-ADMIN', 1, 'Claire Martin'), {
    version: null,
    settings: { ...DEFAULT_MAIL_SETTINGS, associationAddress: SENDER },
  });
  return { db, file };
}

/** n queued rows (one per family address), not yet in a batch. */
export function createRows(
  db: Database.Database,
  n: number,
  to: (i: number) => string = (i) => `famille.${i}@orange.example`,
): number[] {
  return Array.from(
    { length: n },
    (_, i) =>
      createInvoiceMessage(db, actor('POSTE-FACT'), {
        invoiceId: 7,
        docType: 'facture',
        subject: `Facture de septembre 2026 – n° ${i}`,
        text: 'Bonjour,\n\nVeuillez trouver votre facture.',
        to: [to(i)],
        attachments: [],
        requestReceipt: false,
      }).id,
  );
}

export function batchOf(
  db: Database.Database,
  n: number,
  throttle: Throttle,
  to?: (i: number) => string,
) {
  return enqueueBatch(db, actor('POSTE-FACT'), { messageIds: createRows(db, n, to), throttle });
}

export function smtpTransport(port: number, auth?: { user: string; pass: string }) {
  return nodemailerTransport(
    nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      greetingTimeout: 500,
      connectionTimeout: 2000,
      socketTimeout: 3000,
      ...(auth ? { auth } : {}),
    }),
  );
}

export function gaps(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - (sorted[i] as number));
}
