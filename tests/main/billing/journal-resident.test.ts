// The journal's resident filter (a resident's record lists their invoices): only that
// resident's rows, every other filter still applying, and an unknown resident gives none.
import { describe, expect, it } from 'vitest';
import { listInvoices } from '../../../src/main/billing/journal';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { invoiceListInputSchema } from '../../../src/shared/contract';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

describe('invoices:list by resident', () => {
  it('lists one resident’s invoices only, and defaults to every resident', () => {
    const { db } = seededDatabase(tempDir());
    seedBillingMonth(db);
    issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
    prepareRun(db, actor(), 1, '2026-10');

    // Older callers send no residentId: every resident, as before.
    const everyone = invoiceListInputSchema.parse({
      facilityId: null,
      period: null,
      search: '',
      includeDrafts: false,
    });
    expect(everyone.residentId).toBeNull();
    expect(listInvoices(db, everyone)).toHaveLength(4);

    const one = listInvoices(db, { ...everyone, residentId: 1 });
    expect(one).toHaveLength(1);
    expect(one.every((row) => row.residentId === 1)).toBe(true);
    // The other filters still apply: with drafts, October's draft joins the issued one.
    const withDrafts = listInvoices(db, { ...everyone, residentId: 1, includeDrafts: true });
    expect(withDrafts.map((row) => row.period).sort()).toEqual([PERIOD, '2026-10']);
    expect(listInvoices(db, { ...everyone, residentId: 999_999 })).toEqual([]);
    expect(() => invoiceListInputSchema.parse({ ...everyone, residentId: 0 })).toThrow();
  });
});
