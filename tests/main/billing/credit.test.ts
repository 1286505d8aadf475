// Avoirs on a real file: the next number of the facility, the original named and untouched,
// never more credited than was billed, their own PDF; and the journal's derived statuses.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCreditNote } from '../../../src/main/billing/credit';
import { getInvoice, listInvoices } from '../../../src/main/billing/journal';
import { issuedPdfFile, writeMissingPdfs } from '../../../src/main/billing/pdfs';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { PliError } from '../../../src/shared/contract';
import { EXPECTED_TOTALS, PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

function issuedMonth() {
  const { db, file } = seededDatabase(tempDir());
  seedBillingMonth(db);
  const ids = issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
  // Seq 1 Abadie, 2 Nguyễn, 3 Wiśniewska, 4 Yılmaz.
  const bySeq = (seq: number) =>
    (db.prepare('SELECT id FROM invoices WHERE seq = ?').get(seq) as { id: number }).id;
  return { db, file, ids, bySeq };
}

function failure(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
  return 'no error';
}

const all = { facilityId: 1, period: PERIOD, search: '', includeDrafts: false };

describe('credit notes (avoirs)', () => {
  it('gives back days of a line, then the rest, with the next numbers and their own PDF', async () => {
    const { db, file, bySeq } = issuedMonth();
    const yilmaz = bySeq(4);
    // Şükrü Yılmaz actually arrived on the 19th: two days of hébergement given back.
    const partial = createCreditNote(db, actor(), {
      invoiceId: yilmaz,
      lines: [{ position: 0, quantity: 2 }],
      reason: 'Entrée le 19 septembre, non le 17',
      issueDate: '2026-10-05',
    });
    const note = getInvoice(db, partial);
    expect(note).toMatchObject({
      kind: 'avoir',
      number: 'TIL-2026-000005',
      totalCents: -2 * 6850,
      creditedNumber: 'TIL-2026-000004',
      status: 'avoir',
      payerName: 'M. Şükrü YILMAZ',
    });
    expect(note.lines).toHaveLength(1);
    expect(note.lines[0]?.label).toMatch(/^Avoir sur facture TIL-2026-000004 : Hébergement/);
    expect(getInvoice(db, yilmaz)).toMatchObject({
      totalCents: EXPECTED_TOTALS[2],
      creditedCents: 2 * 6850,
      status: 'emise',
    });
    expect(getInvoice(db, yilmaz).lines[0]?.creditedQuantity).toBe(2);
    expect(
      failure(() =>
        createCreditNote(db, actor(), {
          invoiceId: yilmaz,
          lines: [{ position: 0, quantity: 13 }],
          reason: 'trop',
          issueDate: '2026-10-05',
        }),
      ),
    ).toBe('CREDIT_TOO_LARGE');

    // The rest of the invoice: every line, hébergement for its 12 remaining days.
    const rest = createCreditNote(db, actor(), {
      invoiceId: yilmaz,
      lines: 'all',
      reason: 'Facture annulée',
      issueDate: '2026-10-06',
    });
    expect(getInvoice(db, rest)).toMatchObject({
      number: 'TIL-2026-000006',
      totalCents: -(EXPECTED_TOTALS[2] - 2 * 6850),
    });
    expect(getInvoice(db, yilmaz)).toMatchObject({ status: 'annulee' });
    expect(getInvoice(db, yilmaz).creditNotes.map((c) => c.number)).toEqual([
      'TIL-2026-000005',
      'TIL-2026-000006',
    ]);
    expect(
      failure(() =>
        createCreditNote(db, actor(), {
          invoiceId: yilmaz,
          lines: 'all',
          reason: 'encore',
          issueDate: '2026-10-06',
        }),
      ),
    ).toBe('CREDIT_TOO_LARGE');
    // An avoir cannot itself be credited, nor dated before the last number.
    expect(
      failure(() =>
        createCreditNote(db, actor(), {
          invoiceId: rest,
          lines: 'all',
          reason: 'x',
          issueDate: '2026-10-06',
        }),
      ),
    ).toBe('INVOICE_NOT_ISSUED');
    expect(
      failure(() =>
        createCreditNote(db, actor(), {
          invoiceId: bySeq(1),
          lines: 'all',
          reason: 'x',
          issueDate: '2026-10-02',
        }),
      ),
    ).toBe('INVOICE_DATE_BEFORE_LAST');

    await writeMissingPdfs(db, file, [partial]);
    const pdf = await issuedPdfFile(db, file, partial, 'facture');
    expect(path.basename(pdf)).toBe('TIL-2026-000005.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('AVOIR');
    expect(text).toContain('Avoir sur la facture n° TIL-2026-000004');
    expect(text).toContain('Entrée le 19 septembre, non le 17');
    expect(text.replace(/[\u202f\u00a0]/g, ' ')).toContain('-137,00 €');
  });
});

describe('journal des factures', () => {
  it('derives each status from payments and avoirs, and finds by name or number', () => {
    const { db, bySeq } = issuedMonth();
    const pay = db.prepare(
      "INSERT INTO payments (invoice_id, date, amount_cents, method) VALUES (?, '2026-10-10', ?, 'virement')",
    );
    pay.run(bySeq(1), EXPECTED_TOTALS[4]); // Abadie paid in full
    pay.run(bySeq(2), 10000); // Nguyễn paid 100 €
    createCreditNote(db, actor(), {
      invoiceId: bySeq(4),
      lines: 'all',
      reason: 'Erreur de date d’entrée',
      issueDate: '2026-10-02',
    });
    // A draft of the next month shows only on request.
    prepareRun(db, actor(), 1, '2026-10');
    const statuses = listInvoices(db, all).map((row) => [row.number, row.status]);
    expect(statuses).toEqual([
      ['TIL-2026-000005', 'avoir'],
      ['TIL-2026-000004', 'annulee'],
      ['TIL-2026-000003', 'emise'],
      ['TIL-2026-000002', 'partiellement_payee'],
      ['TIL-2026-000001', 'payee'],
    ]);
    const october = listInvoices(db, { ...all, period: '2026-10', includeDrafts: true });
    expect(october.map((row) => row.status)).toEqual(Array(4).fill('brouillon'));
    expect(october.find((row) => row.residentId === 1)?.payerName).toBe('M. Łukasz WIŚNIEWSKI');
    expect(listInvoices(db, { ...all, search: 'nguyen' }).map((r) => r.number)).toEqual([
      'TIL-2026-000002',
    ]);
    expect(listInvoices(db, { ...all, search: '000003' }).map((r) => r.residentName)).toEqual([
      'Mme Łucja Wiśniewska',
    ]);
    expect(listInvoices(db, { ...all, search: 'wiśniewski' })).toHaveLength(1);
    expect(listInvoices(db, { ...all, facilityId: 2 })).toEqual([]);
  });
});
