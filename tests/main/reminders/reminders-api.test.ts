// reminders:* through dispatch on a real app context, the real demo file and a real smtp-server
// on 127.0.0.1: the overdue list matches what the invoices say (due date passed, something left
// to pay after avoirs and payments), printing writes one letter per payer that pdftotext reads
// back with the payer's name and amounts in French, each reminder moves the payer one level up
// to the mise en demeure and no further, and email mode sends the level's template with every
// unpaid invoice's PDF attached.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { mailApp } from '../../fixtures/mail-app';
import { localToday } from '../../../src/main/reminders/overdue';
import { formatEuros } from '../../../src/shared/money';
import type { OverduePayer } from '../../../src/shared/contract';

const app = mailApp('pli-reminders-', { auth: false });
const { db, ok, until } = app;
/** No-break spaces (either kind) as plain spaces, as pdftotext and formatEuros differ. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const list = () => ok<OverduePayer[]>('reminders:list', { facilityId: null });

it('lists the overdue invoices by payer, as the invoices say', async () => {
  const payers = await list();
  expect(payers.length).toBeGreaterThan(0);
  const today = localToday();
  const expected = db()
    .prepare(
      `SELECT i.id FROM invoices i
       WHERE i.status = 'issued' AND i.kind = 'facture' AND i.due_date < ?
         AND i.total_cents
           + COALESCE((SELECT sum(a.total_cents) FROM invoices a
                       WHERE a.credited_invoice_id = i.id AND a.status = 'issued'), 0)
           - COALESCE((SELECT sum(amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0) > 0
       ORDER BY i.id`,
    )
    .all(today) as { id: number }[];
  const listed = payers.flatMap((p) => p.invoices.map((i) => i.id)).sort((a, b) => a - b);
  expect(listed).toEqual(expected.map((r) => r.id));
  for (const payer of payers) {
    expect(payer.level).toBe(0);
    expect(payer.nextLevel).toBe(1);
    expect(payer.dueCents).toBe(payer.invoices.reduce((s, i) => s + i.dueCents, 0));
    for (const invoice of payer.invoices) {
      expect(invoice.dueDate < today).toBe(true);
      expect(invoice.daysLate).toBeGreaterThan(0);
    }
  }

  // Paid in full: no longer overdue.
  const [first] = payers;
  const paid = first!.invoices[0]!;
  db()
    .prepare(
      "INSERT INTO payments (invoice_id, date, amount_cents, method) VALUES (?, ?, ?, 'virement')",
    )
    .run(paid.id, today, paid.dueCents);
  const after = (await list()).flatMap((p) => p.invoices.map((i) => i.id));
  expect(after).not.toContain(paid.id);
  expect(after).toHaveLength(listed.length - 1);
});

it('prints one letter per payer, read back in French, and each print moves the level up', async () => {
  const payers = (await list()).slice(0, 2);
  const ids = payers.flatMap((p) => p.invoices.map((i) => i.id));
  const printed = await ok<{ url: string; fileName: string; letters: number }>('reminders:print', {
    invoiceIds: ids,
  });
  expect(printed.letters).toBe(2);
  expect(printed.url).toBe(`/files/reminders/${printed.fileName}`);
  const file = path.join(app.dataDir, 'relances', printed.fileName);
  const text = plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
  const pages = text.split('\f').filter((page) => page.trim() !== '');
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const payer of payers) {
    expect(text).toContain(payer.payerName);
    expect(text).toContain(plain(formatEuros(payer.dueCents)));
    for (const invoice of payer.invoices) expect(text).toContain(invoice.number);
  }
  expect(text).toContain('RELANCE');
  const recorded = db()
    .prepare("SELECT count(*) AS n FROM reminders WHERE mode = 'print' AND level = 1")
    .get() as { n: number };
  expect(recorded.n).toBe(ids.length);

  const levels = async () =>
    (await list()).filter((p) => payers.some((q) => q.key === p.key)).map((p) => p.nextLevel);
  expect(await levels()).toEqual([2, 2]);
  await ok('reminders:print', { invoiceIds: ids });
  expect(await levels()).toEqual([3, 3]);
  const notice = await ok<{ fileName: string }>('reminders:print', { invoiceIds: ids });
  const formal = execFileSync(
    'pdftotext',
    [path.join(app.dataDir, 'relances', notice.fileName), '-'],
    {
      encoding: 'utf8',
    },
  );
  expect(formal).toContain('MISE EN DEMEURE');
  const after = (await list()).filter((p) => payers.some((q) => q.key === p.key));
  expect(after.map((p) => [p.level, p.nextLevel])).toEqual([
    [3, 3],
    [3, 3],
  ]);
  expect(fs.readdirSync(path.join(app.dataDir, 'relances'))).toHaveLength(3);
});

it('emails the level’s reminder with every unpaid invoice attached', async () => {
  const payers = await list();
  const payer =
    payers.find((p) => p.level === 0 && p.emailIssue === null && p.invoices.length > 1) ??
    payers.find((p) => p.level === 0 && p.emailIssue === null);
  expect(payer).toBeDefined();
  const sent = await ok<{ batches: { id: number }[]; messages: number }>('reminders:send', {
    invoiceIds: payer!.invoices.map((i) => i.id),
  });
  expect(sent.messages).toBe(1);
  await until(() => app.server.received.length === 1);
  const mail = await simpleParser(app.server.received[0]!.raw);
  expect(app.server.received[0]!.envelope.rcptTo.map((r) => r.address)).toEqual(
    expect.arrayContaining(payer!.emails),
  );
  const names = mail.attachments.map((a) => a.filename);
  for (const invoice of payer!.invoices) expect(names).toContain(`Facture ${invoice.number}.pdf`);
  const row = db()
    .prepare(
      `SELECT m.doc_type, m.subject, m.body_text FROM reminders r
       JOIN mail_messages m ON m.id = r.mail_message_id WHERE r.invoice_id = ?`,
    )
    .get(payer!.invoices[0]!.id) as { doc_type: string; subject: string };
  expect(row.doc_type).toBe('relance1');
  expect(mail.subject).toBe(row.subject);
  const again = (await list()).find((p) => p.key === payer!.key);
  expect(again?.nextLevel).toBe(2);
});
