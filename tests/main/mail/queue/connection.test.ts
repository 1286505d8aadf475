// The queue's SMTP transport as the app opens it (openAccount, the association's server on
// 127.0.0.1): a batch goes over one connection, not one per message; a connection dropped during
// DATA fails that message for the queue to retry (nodemailer resends nothing behind its back),
// and the next message opens a new connection; a connection that timed out while the batch
// waited (its pace, a backoff) is simply opened again for the next message.
import { expect, it } from 'vitest';
import { openAccount } from '../../../../src/main/mail/queue/accounts';
import { composeRow } from '../../../../src/main/mail/queue/adapters';
import { runQueue } from '../../../../src/main/mail/queue/engine';
import { smtpTransport } from '../../../../src/main/mail/smtp/connection';
import { getSmtpSettings, saveSmtpSettings } from '../../../../src/main/mail/smtp/settings';
import { Secrets } from '../../../../src/main/secrets';
import { actor } from '../../../fixtures/db';
import { startFaultServer } from '../../../fixtures/smtp-queue';
import { tempDir } from '../../../helpers';
import { batchOf, queueDatabase } from './queue-fixture';

it('sends a batch over one connection and leaves a dropped one to the queue', async () => {
  let connections = 0;
  let third = '';
  const server = await startFaultServer({
    greetingDelayMs: () => {
      connections++;
      return 0;
    },
    // The third message's first DATA: the connection drops before the server replies.
    data: (messageId, n) => (messageId === third && n === 1 ? 'drop' : null),
  });
  const dir = tempDir('pli-queue-connection-');
  const { db } = queueDatabase(dir);
  try {
    saveSmtpSettings(db, actor('POSTE-ADMIN', 1, 'Claire Martin'), {
      facilityId: null,
      version: getSmtpSettings(db, null).version,
      settings: {
        host: '127.0.0.1',
        port: server.port,
        security: 'none',
        auth: 'none',
        username: '',
        pinnedCertificate: null,
      },
    });
    const batch = batchOf(db, 8, { intervalMs: 0, pauseEvery: 0, pauseMs: 0 });
    const ids = db
      .prepare('SELECT message_id FROM mail_messages WHERE batch_id = ? ORDER BY id')
      .all(batch.id) as { message_id: string }[];
    third = ids[2]!.message_id;
    const account = await openAccount(db, new Secrets(), dir, null);
    const key = (
      db.prepare('SELECT account_key FROM mail_batches').get() as { account_key: string }
    ).account_key;
    const summary = await runQueue({
      db,
      workstation: 'POSTE-FACT',
      account: { key },
      transport: account.transport,
      compose: composeRow,
      retry: { baseMs: 50, maxMs: 50, maxAttempts: 3 },
      pollMs: 20,
    }).finally(() => account.close());

    expect(summary).toMatchObject({ sent: 8, retried: 1, failed: 0 });
    // Two connections for eight messages: the first, and the one after the drop.
    expect(connections).toBe(2);
    // The dropped message reached the server twice: once dropped, once again by the queue's own
    // retry (recorded as its second attempt), never by a silent requeue inside nodemailer.
    expect(server.dataSeen.get(third)).toBe(2);
    expect(
      db.prepare('SELECT attempts FROM mail_messages WHERE message_id = ?').get(third) as {
        attempts: number;
      },
    ).toEqual({ attempts: 2 });
    expect(new Set(server.deliveries.map((d) => d.messageId))).toEqual(
      new Set(ids.map((r) => r.message_id)),
    );
  } finally {
    db.close();
    await server.close();
  }
});

it('opens the connection again for the next message after it timed out while waiting', async () => {
  let connections = 0;
  const server = await startFaultServer({
    greetingDelayMs: () => {
      connections++;
      return 0;
    },
  });
  const settings = {
    host: '127.0.0.1',
    port: server.port,
    security: 'none' as const,
    auth: 'none' as const,
    username: '',
    pinnedCertificate: null,
  };
  const timeouts = { connectionMs: 2000, greetingMs: 2000, socketMs: 200 };
  const transport = smtpTransport(
    settings,
    { port: server.port, security: 'none' },
    null,
    timeouts,
    true,
  );
  const raw = (n: number) =>
    Buffer.from(`From: a@example.org\r\nTo: b@example.org\r\nMessage-ID: <${n}@pli>\r\n\r\nx\r\n`);
  const envelope = { from: 'a@example.org', to: ['b@example.org'] };
  try {
    await transport.send({ raw: raw(1) }, envelope);
    await transport.send({ raw: raw(2) }, envelope);
    expect(connections).toBe(1);
    // Idle past the socket timeout, as during the 10 s pause of the default pace.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await transport.send({ raw: raw(3) }, envelope);
    expect(connections).toBe(2);
    expect(server.deliveries.map((d) => d.messageId)).toEqual(['<1@pli>', '<2@pli>', '<3@pli>']);
  } finally {
    transport.close();
    await server.close();
  }
});
