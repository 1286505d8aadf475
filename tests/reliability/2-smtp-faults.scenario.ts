// Scenario 2: the SMTP fault matrix, each fault over a 50-message batch sent by the real send
// loop to a real smtp-server on 127.0.0.1 (tests/fixtures/smtp-queue.ts). Each fault has its
// expected outcome: a temporary one (421, 451, dropped connection, slow replies) is retried
// and every message delivered once; a refused recipient (550) fails that message with the
// server's reply; a TLS mismatch or a wrong password pauses the batch after one attempt with
// its French message, and once fixed and resumed the batch delivers everything.
import type Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { composeRow, nodemailerTransport } from '../../src/main/mail/queue/adapters';
import { resumeBatch } from '../../src/main/mail/queue/batches';
import { runQueue } from '../../src/main/mail/queue/engine';
import { getBatch } from '../../src/main/mail/queue/progress';
import type { QueueTransport } from '../../src/main/mail/queue/types';
import { smtpDiagnosisMessages, type SmtpDiagnosisCode } from '../../src/shared/contract';
import { actor } from '../fixtures/db';
import { startFaultServer, type FaultOptions, type FaultServer } from '../fixtures/smtp-queue';
import { ACCOUNT, batchOf, queueDatabase, smtpTransport } from '../main/mail/queue/queue-fixture';
import { codeSummary, duplicatesOf, FAULT_AUTH, record, workDir, WRONG_PASSWORD } from './record';

const MESSAGES = 50;
const servers: FaultServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Every n-th message (pli.<row>.…), on its first attempt only. */
const everyNth = (id: string, n: number) => Number(/pli\.(\d+)\./.exec(id)?.[1] ?? 0) % n === 0;

interface Case {
  name: string;
  faults: FaultOptions;
  /** The transport of the first run (a wrong setting); the fixed one resumes the batch. */
  first?: (port: number) => QueueTransport;
  expected: {
    sent: number;
    failed: number;
    paused?: SmtpDiagnosisCode;
    codes: SmtpDiagnosisCode[];
  };
}

const cases: Case[] = [
  {
    name: '421 (serveur occupé)',
    faults: {
      data: (id, n) =>
        n === 1 && everyNth(id, 5) ? { code: 421, message: '4.3.2 Service not available' } : null,
    },
    expected: { sent: MESSAGES, failed: 0, codes: ['SMTP_SERVER_BUSY'] },
  },
  {
    name: '451 (erreur locale)',
    faults: {
      data: (id, n) =>
        n === 1 && everyNth(id, 5) ? { code: 451, message: '4.3.0 Local error' } : null,
    },
    expected: { sent: MESSAGES, failed: 0, codes: ['SMTP_SERVER_BUSY'] },
  },
  {
    name: '550 (destinataire refusé)',
    faults: {
      rcpt: (address) =>
        /famille\.\d*[05]@/.test(address) ? { code: 550, message: '5.1.1 Mailbox unknown' } : null,
    },
    expected: { sent: MESSAGES - 10, failed: 10, codes: ['SMTP_RECIPIENT_REFUSED'] },
  },
  {
    name: 'connexion coupée pendant DATA',
    faults: { data: (id, n) => (n === 1 && everyNth(id, 5) ? 'drop' : null) },
    expected: { sent: MESSAGES, failed: 0, codes: ['SMTP_CONNECTION_LOST'] },
  },
  {
    name: 'réponses lentes',
    // Every greeting late, one in ten past the client's patience (500 ms), every DATA reply late.
    faults: {
      greetingDelayMs: (n) => (n % 10 === 0 ? 900 : 150),
      beforeReply: () => new Promise((r) => setTimeout(r, 100)),
    },
    expected: { sent: MESSAGES, failed: 0, codes: ['SMTP_TIMEOUT'] },
  },
  {
    name: 'échec TLS',
    faults: {},
    first: (port) =>
      nodemailerTransport(
        nodemailer.createTransport({
          host: '127.0.0.1',
          port,
          secure: true,
          greetingTimeout: 1000,
        }),
      ),
    expected: { sent: MESSAGES, failed: 0, paused: 'SMTP_TLS_MISMATCH', codes: [] },
  },
  {
    name: 'mauvais mot de passe',
    faults: { auth: FAULT_AUTH },
    first: (port) => smtpTransport(port, { ...FAULT_AUTH, pass: WRONG_PASSWORD }),
    expected: { sent: MESSAGES, failed: 0, paused: 'SMTP_AUTH_FAILED', codes: [] },
  },
];

function run(db: Database.Database, transport: QueueTransport) {
  return runQueue({
    db,
    workstation: 'POSTE-FACT',
    account: { key: ACCOUNT },
    transport,
    compose: composeRow,
    retry: { baseMs: 50, maxMs: 400, maxAttempts: 4 },
    pollMs: 50,
  });
}

describe('SMTP fault matrix', () => {
  cases.forEach((c, i) => {
    it(`${c.name}: ${c.expected.paused ? 'paused, then resumed' : 'as expected'}`, async () => {
      const server = await startFaultServer(c.faults);
      servers.push(server);
      const { db } = queueDatabase(workDir(`smtp-${i}`));
      const batch = batchOf(db, MESSAGES, { intervalMs: 0, pauseEvery: 0, pauseMs: 0 });
      const fixed = smtpTransport(server.port, c.faults.auth);
      let runs = 1;
      const shown: (string | null)[] = [];
      if (c.first) {
        expect(await run(db, c.first(server.port))).toMatchObject({ sent: 0, paused: 1 });
        const paused = getBatch(db, batch.id);
        expect(paused).toMatchObject({ state: 'paused', pausedCode: c.expected.paused });
        // The French message saying what to fix, never the password typed.
        expect(paused?.pausedReason).toBe(smtpDiagnosisMessages[c.expected.paused!]);
        expect(paused?.pausedReason).not.toContain(WRONG_PASSWORD);
        expect(server.deliveries).toHaveLength(0);
        shown.push(paused!.pausedCode);
        resumeBatch(db, actor('POSTE-FACT'), batch.id);
        runs++;
      }
      await run(db, fixed);

      const rows = db
        .prepare(
          'SELECT message_id, state, last_error_code, last_reply FROM mail_messages WHERE batch_id = ?',
        )
        .all(batch.id) as {
        message_id: string;
        state: string;
        last_error_code: string | null;
        last_reply: string | null;
      }[];
      const codes = (
        db.prepare('SELECT code FROM mail_attempts WHERE code IS NOT NULL').all() as {
          code: string;
        }[]
      ).map((a) => a.code);
      const failed = rows.filter((r) => r.state === 'failed');
      expect(getBatch(db, batch.id)).toMatchObject({
        state: 'done',
        counts: { sent: c.expected.sent, failed: c.expected.failed },
      });
      for (const row of failed) expect(row.last_reply).toMatch(/^550 /);
      expect(new Set(codes)).toEqual(
        new Set([...c.expected.codes, ...(c.expected.paused ? [c.expected.paused] : [])]),
      );
      const delivered = new Set(server.deliveries.map((d) => d.messageId));
      const dup = duplicatesOf(
        server.deliveries.map((d) => ({ key: d.to.join(','), messageId: d.messageId })),
      );
      expect(dup.duplicates).toBe(0);
      // Nothing lost: every row either arrived and says sent, or failed with the server's reply.
      const lost = rows.filter((r) =>
        r.state === 'sent' ? !delivered.has(r.message_id) : r.state !== 'failed',
      ).length;
      expect(lost).toBe(0);
      expect(failed.every((r) => !delivered.has(r.message_id))).toBe(true);
      record({
        scenario: `2. SMTP : ${c.name}`,
        runs,
        messages: MESSAGES,
        delivered: delivered.size,
        ...dup,
        lost,
        errors: codeSummary([...shown, ...codes.filter((code) => code !== c.expected.paused)]),
      });
      db.close();
    });
  });
});
