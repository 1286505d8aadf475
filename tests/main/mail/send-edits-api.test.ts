// Envoi groupé with the batch's own subject and text and one invoice's own file, through dispatch
// on a real demo file and a real smtp-server on 127.0.0.1: the edited subject and text reach the
// French families (the preview shows them first), a family reading another language keeps its
// language's template, the individual file goes with its invoice only, and an edited text with an
// unknown field is refused in French before anything is written.
import { simpleParser } from 'mailparser';
import { beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { mailApp, SMTP_PASSWORD } from '../../fixtures/mail-app';
import type { MailBatch, MailPreview, Presend } from '../../../src/shared/contract';

const FAST = { intervalMs: 0, pauseEvery: 0, pauseMs: 0 };
const EDITED = {
  subject: 'Votre facture {{numero}} de {{periode}} (envoi spécial)',
  body: 'Bonjour,\n\nVoici la facture {{numero}} de {{resident}}.\n\nCordialement,\n{{expediteur}}',
};

const app = mailApp('pli-send-edits-');
const { db, ok, count, until } = app;
let check: Presend;
beforeAll(async () => {
  check = await app.presend();
});

const request = (invoiceIds: number[], extra: object = {}) => ({
  facilityId: 1,
  period: check.period,
  invoiceIds,
  requestReceipt: false,
  throttle: FAST,
  password: { value: SMTP_PASSWORD, remember: false },
  ...extra,
});

it('refuses an edited text with an unknown field, in French, and writes nothing', async () => {
  const before = { rows: count('mail_messages'), batches: count('mail_batches') };
  const bad = { subject: EDITED.subject, body: 'Bonjour {{numro}},' };
  const ids = check.ready.slice(0, 2).map((r) => r.invoiceId);
  const answer = await dispatch(app.handlers, 'mail:send', request(ids, { message: bad }));
  expect(answer).toMatchObject({ ok: false, error: { code: 'TEMPLATE_UNKNOWN_FIELD' } });
  expect(answer.ok ? [] : answer.error.details).toEqual([
    'Texte : Champ inconnu {{numro}} : vouliez-vous dire {{numero}} ?',
  ]);
  const preview = await dispatch(app.handlers, 'mail:preview', {
    invoiceId: ids[0],
    docType: 'facture',
    message: bad,
  });
  expect(preview).toMatchObject({ ok: false, error: { code: 'TEMPLATE_UNKNOWN_FIELD' } });
  expect({ rows: count('mail_messages'), batches: count('mail_batches') }).toEqual(before);
  expect(app.server.received).toHaveLength(0);
});

it('sends the edited subject and text, and an individual file with its invoice only', async () => {
  const previews = new Map<number, MailPreview>();
  for (const row of check.ready.slice(0, 12)) {
    previews.set(
      row.invoiceId,
      await ok<MailPreview>('mail:preview', {
        invoiceId: row.invoiceId,
        docType: 'facture',
        message: EDITED,
      }),
    );
  }
  const french = [...previews.values()].filter((p) => p.language === 'fr').slice(0, 3);
  const other = [...previews.values()].find((p) => p.language !== 'fr');
  expect(french).toHaveLength(3);
  for (const p of french) expect(p.subject).toMatch(/\(envoi spécial\)$/);
  if (other) expect(other.subject).not.toContain('envoi spécial');

  const file = await ok<{ ref: string; name: string }>('mail:attach', {
    name: 'Menu de Noël.pdf',
    contentBase64: Buffer.from('%PDF-1.4\n%menu\n').toString('base64'),
  });
  const own = french[0]!.invoiceId;
  // The file is in that invoice's preview only.
  const withFile = await ok<MailPreview>('mail:preview', {
    invoiceId: own,
    docType: 'facture',
    generalAttachments: [file.ref],
    message: EDITED,
  });
  expect(withFile.attachments.map((a) => a.name)).toContain('Menu de Noël.pdf');

  const chosen = [...french, ...(other ? [other] : [])];
  const batch = await ok<MailBatch>(
    'mail:send',
    request(
      chosen.map((p) => p.invoiceId),
      { message: EDITED, individualAttachments: [{ invoiceId: own, ref: file.ref }] },
    ),
  );
  await until(async () => {
    const batches = await ok<MailBatch[]>('mail:batches', {});
    return batches.find((b) => b.id === batch.id)?.state === 'done';
  });
  expect(app.server.received).toHaveLength(chosen.length);
  const rows = db()
    .prepare('SELECT invoice_id, message_id FROM mail_messages WHERE batch_id = ?')
    .all(batch.id) as { invoice_id: number; message_id: string }[];
  for (const received of app.server.received) {
    const mail = await simpleParser(received.raw);
    const invoiceId = rows.find((r) => r.message_id === mail.messageId)?.invoice_id ?? 0;
    const shown = previews.get(invoiceId);
    expect(shown).toBeDefined();
    expect(mail.subject).toBe(shown!.subject);
    expect(mail.text?.trim()).toBe(shown!.text.trim());
    const names = mail.attachments.map((a) => a.filename);
    if (invoiceId === own) expect(names).toContain('Menu de Noël.pdf');
    else expect(names).not.toContain('Menu de Noël.pdf');
  }
});
