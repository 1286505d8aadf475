// The journal's column sort in invoices:list: applied in SQL before the 1000-row limit, each
// direction, empty values (a draft's number) last, ties in the journal's own order; without a
// sort, the journal's order as before.
import { describe, expect, it } from 'vitest';
import { listInvoices } from '../../../src/main/billing/journal';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { invoiceListInputSchema, type JournalSortKey } from '../../../src/shared/contract';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

describe('invoices:list sort', () => {
  const { db } = seededDatabase(tempDir());
  seedBillingMonth(db);
  issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
  const base = invoiceListInputSchema.parse({
    facilityId: null,
    period: PERIOD,
    search: '',
    includeDrafts: false,
  });
  const list = (key: JournalSortKey, direction: 'asc' | 'desc') =>
    listInvoices(db, { ...base, sort: { key, direction } });

  it('defaults to the journal’s own order', () => {
    expect(base.sort).toBeNull();
    const numbers = listInvoices(db, base).map((r) => r.number ?? '');
    expect(numbers).toEqual([...numbers].sort().reverse());
  });

  it('sorts by amount, number and resident both ways', () => {
    const amounts = list('amount', 'asc').map((r) => r.totalCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    expect(list('amount', 'desc').map((r) => r.totalCents)).toEqual([...amounts].reverse());
    const numbers = list('number', 'asc').map((r) => r.number ?? '');
    expect(numbers).toEqual([...numbers].sort());
    const names = list('resident', 'asc').map((r) => r.residentName.split(' ').at(-1) ?? '');
    expect(names).toEqual([...names].sort(collator.compare));
    expect(list('resident', 'desc').map((r) => r.residentName.split(' ').at(-1))).toEqual(
      [...names].reverse(),
    );
  });

  it('keeps a draft’s empty number last either way, and refuses an unknown column', () => {
    prepareRun(db, actor(), 1, '2026-10');
    const all = { ...base, period: null, includeDrafts: true };
    for (const direction of ['asc', 'desc'] as const) {
      const rows = listInvoices(db, { ...all, sort: { key: 'number', direction } });
      expect(rows.at(-1)?.number).toBeNull();
      expect(rows[0]?.number).not.toBeNull();
    }
    for (const key of ['date', 'payer', 'status', 'envelope'] as const) {
      expect(list(key, 'desc')).toHaveLength(list(key, 'asc').length);
    }
    expect(() =>
      invoiceListInputSchema.parse({ ...base, sort: { key: 'room', direction: 'asc' } }),
    ).toThrow();
  });
});
