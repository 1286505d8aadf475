// The journal's envelopes on a real file: derived from the `mail_messages` rows of each
// invoice (the latest that is not cancelled decides), with the « Envoi » and status filters.
import { describe, expect, it } from 'vitest';
import { createCreditNote } from '../../../src/main/billing/credit';
import { getInvoice, listInvoices } from '../../../src/main/billing/journal';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

type State = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'retry_wait';

function month() {
  const { db } = seededDatabase(tempDir());
  seedBillingMonth(db);
  issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
  // Seq 1 Abadie, 2 Nguyễn, 3 Wiśniewska, 4 Yılmaz.
  const bySeq = (seq: number) =>
    (db.prepare('SELECT id FROM invoices WHERE seq = ?').get(seq) as { id: number }).id;
  let n = 0;
  const message = (
    invoiceId: number,
    state: State,
    extra: { reply?: string; code?: string; sentAt?: string; docType?: string; resent?: 1 } = {},
  ) => {
    n += 1;
    db.prepare(
      `INSERT INTO mail_messages (invoice_id, doc_type, state, message_id, sender_mode,
         from_address, to_addresses, subject, body_text, created_at, created_by, workstation,
         last_reply, last_error_code, sent_at, resent_after_interruption)
       VALUES (?, ?, ?, ?, 'association', 'facturation@tilleuls.example', ?, 'Facture', 'Bonjour',
         ?, 2, 'COMPTA-2', ?, ?, ?, ?)`,
    ).run(
      invoiceId,
      extra.docType ?? 'facture',
      state,
      `<pli.${String(n)}@tilleuls.example>`,
      JSON.stringify([`famille${String(n)}@example.org`]),
      `2026-10-0${String(n)}T08:00:00.000Z`,
      extra.reply ?? null,
      extra.code ?? null,
      extra.sentAt ?? null,
      extra.resent ?? 0,
    );
  };
  return { db, bySeq, message };
}

const all = { facilityId: 1, period: PERIOD, search: '', includeDrafts: false };

describe('journal envelopes', () => {
  it('derives each invoice’s envelope from its latest message row', () => {
    const { db, bySeq, message } = month();
    // Abadie: never sent. Nguyễn: a failure, then « Renvoyer les échecs » delivered.
    message(bySeq(2), 'failed', { reply: '550 5.1.1 Unknown user', code: 'RECIPIENT_REFUSED' });
    message(bySeq(2), 'sent', { reply: '250 OK queued', sentAt: '2026-10-03T09:15:00.000Z' });
    // Wiśniewska: refused; a reminder later does not change the invoice's envelope.
    message(bySeq(3), 'failed', { reply: '550 5.1.1 Unknown user', code: 'RECIPIENT_REFUSED' });
    message(bySeq(3), 'sent', { docType: 'relance1', sentAt: '2026-10-05T08:00:00.000Z' });
    // Yılmaz: sent after an interruption, then a new batch cancelled before its turn.
    message(bySeq(4), 'sent', { sentAt: '2026-10-06T10:00:00.000Z', resent: 1 });
    message(bySeq(4), 'cancelled');

    const envelopes = new Map(listInvoices(db, all).map((row) => [row.number, row.envelope]));
    expect(envelopes.get('TIL-2026-000001')).toEqual({
      state: 'non_envoyee',
      at: null,
      recipients: [],
      sentBy: null,
      workstation: null,
      reply: null,
      errorCode: null,
      resentAfterInterruption: false,
      handedTo: null,
      receiptAt: null,
    });
    expect(envelopes.get('TIL-2026-000002')).toEqual({
      state: 'envoye',
      at: '2026-10-03T09:15:00.000Z',
      recipients: ['famille2@example.org'],
      sentBy: 'Hélène Dubois',
      workstation: 'COMPTA-2',
      reply: '250 OK queued',
      errorCode: null,
      resentAfterInterruption: false,
      handedTo: null,
      receiptAt: null,
    });
    expect(envelopes.get('TIL-2026-000003')).toMatchObject({
      state: 'en_echec',
      at: '2026-10-03T08:00:00.000Z',
      reply: '550 5.1.1 Unknown user',
      errorCode: 'RECIPIENT_REFUSED',
    });
    expect(envelopes.get('TIL-2026-000004')).toMatchObject({
      state: 'envoye',
      recipients: ['famille5@example.org'],
      resentAfterInterruption: true,
    });

    // Queued, sending and retry_wait all wait.
    for (const state of ['queued', 'sending', 'retry_wait'] as const) {
      message(bySeq(1), state);
      const [row] = listInvoices(db, { ...all, search: 'TIL-2026-000001' });
      expect(row?.envelope.state).toBe('en_attente');
    }

    // The panel lists every row of the invoice, newest first, reminders and cancels included.
    const history = getInvoice(db, bySeq(4)).messages;
    expect(history.map((m) => [m.state, m.docType, m.resentAfterInterruption])).toEqual([
      ['cancelled', 'facture', false],
      ['sent', 'facture', true],
    ]);
    expect(getInvoice(db, bySeq(3)).messages.map((m) => [m.state, m.reply])).toEqual([
      ['sent', null],
      ['failed', '550 5.1.1 Unknown user'],
    ]);
  });

  it('filters the journal by envelope and by status', () => {
    const { db, bySeq, message } = month();
    message(bySeq(2), 'sent', { sentAt: '2026-10-02T08:00:00.000Z' });
    message(bySeq(3), 'failed', { reply: '550 refusé' });
    message(bySeq(4), 'retry_wait', { reply: '451 réessayez plus tard' });
    db.prepare(
      `INSERT INTO payments (invoice_id, date, amount_cents, method)
       SELECT id, '2026-10-10', 1000, 'virement' FROM invoices WHERE seq = 2`,
    ).run();
    createCreditNote(db, actor(), {
      invoiceId: bySeq(1),
      lines: 'all',
      reason: 'Erreur de résident',
      issueDate: '2026-10-05',
    });

    const numbers = (filter: Partial<Parameters<typeof listInvoices>[1]>) =>
      listInvoices(db, { ...all, ...filter })
        .map((row) => row.number)
        .sort();
    expect(numbers({ envelope: 'envoye' })).toEqual(['TIL-2026-000002']);
    expect(numbers({ envelope: 'en_echec' })).toEqual(['TIL-2026-000003']);
    expect(numbers({ envelope: 'en_attente' })).toEqual(['TIL-2026-000004']);
    expect(numbers({ envelope: 'non_envoyee' })).toEqual(['TIL-2026-000001', 'TIL-2026-000005']);
    expect(numbers({ envelope: 'lu' })).toEqual([]);
    expect(numbers({ envelope: null })).toHaveLength(5);
    expect(numbers({ status: 'partiellement_payee' })).toEqual(['TIL-2026-000002']);
    expect(numbers({ status: 'annulee' })).toEqual(['TIL-2026-000001']);
    expect(numbers({ status: 'avoir' })).toEqual(['TIL-2026-000005']);
    expect(numbers({ status: 'emise', envelope: 'en_echec' })).toEqual(['TIL-2026-000003']);
    expect(numbers({ status: 'payee' })).toEqual([]);
  });
});
