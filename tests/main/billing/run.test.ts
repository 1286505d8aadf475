// The billing run on a real SQLite file: drafts that consume no number, review beside last
// month, issue with continuous numbers, PDFs beside the database that are never overwritten,
// and issued invoices the database itself refuses to change.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuedPdfFile, writeMissingPdfs } from '../../../src/main/billing/pdfs';
import { sha256 } from '../../../src/main/billing/pdf-store';
import { reviewRun } from '../../../src/main/billing/review';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { PliError } from '../../../src/shared/contract';
import { EXPECTED_TOTALS, PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
  return 'no error';
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /[\u202f\u00a0]/g,
    ' ',
  );
}

function setup() {
  const dir = tempDir();
  const { db, file } = seededDatabase(dir);
  seedBillingMonth(db);
  return { db, file, dir };
}

describe('billing run', () => {
  it('prepares drafts with the hand-computed totals, recomputes without using numbers', () => {
    const { db } = setup();
    const runId = prepareRun(db, actor(), 1, PERIOD);
    const run = reviewRun(db, 1, PERIOD);
    expect(run).toMatchObject({ runId, status: 'draft', version: 1, invoiceCount: 4 });
    const totals = Object.fromEntries(run?.invoices.map((i) => [i.residentId, i.totalCents]) ?? []);
    expect(totals).toEqual(EXPECTED_TOTALS);
    expect(run?.totalCents).toBe(Object.values(EXPECTED_TOTALS).reduce((a, b) => a + b, 0));
    expect(run?.invoices.every((i) => i.number === null)).toBe(true);
    expect(run?.invoices.find((i) => i.residentId === 1)).toMatchObject({
      payerName: 'M. Łukasz WIŚNIEWSKI',
      deboursCents: 5045,
    });
    // The débours are taken by the draft, then freed and taken again by a recompute.
    const taken = () =>
      db.prepare('SELECT count(*) AS n FROM debours WHERE invoice_id IS NOT NULL').get() as {
        n: number;
      };
    expect(taken().n).toBe(2);
    db.prepare(
      "INSERT INTO debours (resident_id, date, label, amount_cents) VALUES (2, '2026-09-20', 'Pédicure', 2500)",
    ).run();
    prepareRun(db, actor(), 1, PERIOD);
    const again = reviewRun(db, 1, PERIOD);
    expect(again?.version).toBe(2);
    expect(again?.invoices.find((i) => i.residentId === 2)?.totalCents).toBe(
      EXPECTED_TOTALS[2] + 2500,
    );
    expect(taken().n).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({ n: 4 });
    expect(db.prepare('SELECT next_seq FROM invoice_sequences').all()).toEqual([]);
  });

  it('issues continuous numbers in name order, writes each PDF once and records its hash', async () => {
    const { db, file, dir } = setup();
    const runId = prepareRun(db, actor(), 1, PERIOD);
    expect(codeOf(() => issueRun(db, actor(), runId, 99, '2026-10-01'))).toBe(
      'BILLING_RUN_CHANGED',
    );
    const ids = issueRun(db, actor(), runId, 1, '2026-10-01');
    expect(await writeMissingPdfs(db, file, ids)).toBe(4);
    const run = reviewRun(db, 1, PERIOD);
    expect(run).toMatchObject({ status: 'issued', issuedBy: 'Hélène Dubois', missingPdfs: 0 });
    // Abadie, Nguyễn, Wiśniewska, Yılmaz: the order of the names.
    expect(run?.invoices.map((i) => [i.residentId, i.number])).toEqual([
      [4, 'TIL-2026-000001'],
      [3, 'TIL-2026-000002'],
      [1, 'TIL-2026-000003'],
      [2, 'TIL-2026-000004'],
    ]);
    const rows = db
      .prepare(
        'SELECT number, due_date, pdf_path, pdf_sha256, debours_pdf_path, payer_name FROM invoices ORDER BY seq',
      )
      .all() as {
      number: string;
      due_date: string;
      pdf_path: string;
      pdf_sha256: string;
      debours_pdf_path: string | null;
      payer_name: string;
    }[];
    for (const row of rows) {
      expect(row.due_date).toBe('2026-10-16');
      expect(row.pdf_path).toBe(`TIL/2026-09/${row.number}.pdf`);
      const pdf = path.join(dir, 'factures', 'TIL', '2026-09', `${row.number}.pdf`);
      expect(sha256(fs.readFileSync(pdf))).toBe(row.pdf_sha256);
    }
    const wisniewska = rows[2];
    expect(wisniewska?.debours_pdf_path).toBe('TIL/2026-09/TIL-2026-000003-releve-debours.pdf');
    const invoiceText = pdfText(path.join(dir, 'factures', wisniewska?.pdf_path ?? ''));
    expect(invoiceText).toContain('TIL-2026-000003');
    expect(invoiceText).toContain('M. Łukasz WIŚNIEWSKI');
    expect(invoiceText).toContain('Łucja Wiśniewska');
    expect(invoiceText).toContain('2 539,55 €');
    const releve = pdfText(path.join(dir, 'factures', wisniewska?.debours_pdf_path ?? ''));
    expect(releve).toContain('Pharmacie (hors forfait)');
    expect(releve).toContain('50,45 €');
    expect(pdfText(path.join(dir, 'factures', rows[0]?.pdf_path ?? ''))).toContain('Jean Abadie');
    expect(pdfText(path.join(dir, 'factures', rows[3]?.pdf_path ?? ''))).toContain('Şükrü Yılmaz');
    expect(pdfText(path.join(dir, 'factures', rows[1]?.pdf_path ?? ''))).toContain('Nguyễn');

    // Issued: nothing can be recomputed, reissued or changed, not even by plain SQL.
    expect(codeOf(() => prepareRun(db, actor(), 1, PERIOD))).toBe('BILLING_RUN_ISSUED');
    expect(codeOf(() => issueRun(db, actor(), runId, 2, '2026-10-01'))).toBe('BILLING_RUN_ISSUED');
    expect(() => db.prepare('UPDATE invoices SET total_cents = 1 WHERE seq = 1').run()).toThrow(
      /PLI_INVOICE_ISSUED/,
    );
    expect(() => db.prepare('UPDATE invoice_lines SET amount_cents = 1').run()).toThrow(
      /PLI_INVOICE_ISSUED/,
    );
    expect(() => db.prepare('DELETE FROM invoices WHERE seq = 2').run()).toThrow(
      /PLI_INVOICE_ISSUED/,
    );
    expect(() => db.prepare("UPDATE invoices SET pdf_sha256 = 'x' WHERE seq = 2").run()).toThrow(
      /PLI_INVOICE_ISSUED/,
    );
  });

  it('compares the month with the previous one', () => {
    const { db } = setup();
    issueRun(db, actor(), prepareRun(db, actor(), 1, '2026-08'), 1, '2026-09-01');
    // Jean Abadie leaves on 1 September: billed in August, not in September.
    db.prepare("UPDATE residents SET discharge_date = '2026-09-01' WHERE id = 4").run();
    prepareRun(db, actor(), 1, PERIOD);
    const run = reviewRun(db, 1, PERIOD);
    // August: Wiśniewska, Nguyễn, Abadie (Yılmaz came on 17 September).
    expect(run?.previous.invoiceCount).toBe(3);
    expect(run?.newResidents).toBe(1);
    expect(run?.goneResidents).toEqual(['M. Jean Abadie']);
    const nguyen = run?.invoices.find((i) => i.residentId === 3);
    expect(nguyen?.previousCents).toBe(31 * 6850 + 31 * 2280);
  });

  it('refuses an issue date before the last invoice, a month without residents, a missing tariff', () => {
    const { db } = setup();
    issueRun(db, actor(), prepareRun(db, actor(), 1, '2026-08'), 1, '2026-09-01');
    const runId = prepareRun(db, actor(), 1, PERIOD);
    expect(codeOf(() => issueRun(db, actor(), runId, 1, '2026-08-31'))).toBe(
      'INVOICE_DATE_BEFORE_LAST',
    );
    expect(codeOf(() => prepareRun(db, actor(), 2, PERIOD))).toBe('BILLING_RUN_EMPTY');
    expect(codeOf(() => prepareRun(db, actor(), 1, '2025-12'))).toBe('BILLING_NO_TARIFF');
    // A refused prepare leaves nothing behind.
    expect(reviewRun(db, 1, '2025-12')).toBeNull();
  });

  it('keeps the invoices issued when the share refuses the PDFs, and writes them later', async () => {
    const { db, file, dir } = setup();
    const runId = prepareRun(db, actor(), 1, PERIOD);
    const ids = issueRun(db, actor(), runId, 1, '2026-10-01');
    // A file where the folder should be: every write fails as on a vanished share.
    fs.writeFileSync(path.join(dir, 'factures'), '');
    const failed = await writeMissingPdfs(db, file, ids).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(PliError);
    expect((failed as PliError).code).toBe('PDF_WRITE_FAILED');
    expect(reviewRun(db, 1, PERIOD)).toMatchObject({ status: 'issued', missingPdfs: 4 });
    fs.rmSync(path.join(dir, 'factures'));
    expect(await writeMissingPdfs(db, file, ids)).toBe(4);
    expect(reviewRun(db, 1, PERIOD)?.missingPdfs).toBe(0);
    expect(await writeMissingPdfs(db, file, ids)).toBe(0);
  });

  it('never overwrites a PDF already on the share', async () => {
    const { db, file, dir } = setup();
    const ids = issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
    // Another workstation wrote the first one between the issue and this write.
    const first = path.join(dir, 'factures', 'TIL', '2026-09', 'TIL-2026-000001.pdf');
    fs.mkdirSync(path.dirname(first), { recursive: true });
    fs.writeFileSync(first, 'déjà là');
    await writeMissingPdfs(db, file, ids);
    expect(fs.readFileSync(first, 'utf8')).toBe('déjà là');
    const recorded = db.prepare('SELECT pdf_sha256 FROM invoices WHERE seq = 1').get() as {
      pdf_sha256: string;
    };
    expect(recorded.pdf_sha256).toBe(sha256(Buffer.from('déjà là')));
    expect(fs.readdirSync(path.dirname(first)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A file removed from the share is reported, not silently rewritten.
    fs.rmSync(first);
    const missing = await issuedPdfFile(db, file, ids[0] ?? 0, 'facture').catch(
      (error: unknown) => error,
    );
    expect(missing).toMatchObject({ code: 'PDF_MISSING' });
    expect(fs.existsSync(first)).toBe(false);
  });
});
