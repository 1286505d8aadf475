// invoices:window on a real demo file: under every sort, windows laid end to end are the whole
// ordered list, with no row twice and none missing; the total is what plain SQL counts; the
// filters apply; a write (here or from another connection) is seen at the next window.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src/main/db/demo/generate';
import { openDatabase } from '../../../src/main/db/open';
import { listInvoices, type JournalFilter } from '../../../src/main/billing/journal';
import { invoiceWindow } from '../../../src/main/billing/journal-window';
import {
  invoiceWindowInputSchema,
  journalSortKeySchema,
  type InvoiceRow,
  type JournalSort,
} from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const file = `${tempDir()}/pli.sqlite`;
const db = openDatabase(file, { create: true, appliedBy: 'test' });
generateDemo(db, {
  residents: 40,
  months: 6,
  seed: 7,
  today: '2026-11-15',
  passwordHashes: { admin: 'x', facturation: 'x', accueil: 'x' },
});

const all: JournalFilter = {
  facilityId: null,
  period: null,
  search: '',
  includeDrafts: true,
  envelope: null,
  status: null,
  residentId: null,
  sort: null,
};

/** Every row of `filter`, read window after window of `size`. */
function walk(filter: JournalFilter, size: number): { total: number; rows: InvoiceRow[] } {
  const rows: InvoiceRow[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += size) {
    const window = invoiceWindow(db, filter, offset, size);
    expect(window.offset).toBe(offset);
    total = window.total;
    rows.push(...window.rows);
  }
  return { total, rows };
}

const count = (where: string, ...params: unknown[]) =>
  db
    .prepare(`SELECT count(*) FROM invoices i WHERE ${where}`)
    .pluck()
    .get(...params) as number;

describe('invoices:window', () => {
  const sorts: (JournalSort | null)[] = [
    null,
    ...journalSortKeySchema.options.flatMap((key) =>
      (['asc', 'desc'] as const).map((direction) => ({ key, direction })),
    ),
  ];

  it('lays its windows end to end into the whole ordered list under every sort', () => {
    const total = count('1');
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(1000); // so that invoices:list returns every row to compare
    for (const sort of sorts) {
      const filter = { ...all, sort };
      const { total: counted, rows } = walk(filter, 37);
      expect(counted, JSON.stringify(sort)).toBe(total);
      const ids = rows.map((row) => row.id);
      expect(new Set(ids).size, JSON.stringify(sort)).toBe(total);
      expect(ids, JSON.stringify(sort)).toEqual(listInvoices(db, filter).map((row) => row.id));
      // Another window size gives the same order: the order has no ties left to chance.
      expect(walk(filter, 200).rows.map((row) => row.id)).toEqual(ids);
    }
  });

  it('sorts for real: amounts rise, newest period first by default', () => {
    const amounts = walk({ ...all, sort: { key: 'amount', direction: 'asc' } }, 50).rows.map(
      (row) => row.totalCents,
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const periods = walk(all, 50).rows.map((row) => row.period);
    expect(periods).toEqual([...periods].sort().reverse());
  });

  it('counts and returns only what the filters keep', () => {
    const issued = { ...all, includeDrafts: false };
    expect(invoiceWindow(db, issued, 0, 10).total).toBe(count("i.status = 'issued'"));
    const month = { ...issued, facilityId: 2, period: '2026-09' };
    const { total, rows } = walk(month, 25);
    expect(total).toBe(count("i.status = 'issued' AND facility_id = 2 AND period = '2026-09'"));
    expect(rows.every((row) => row.facilityId === 2 && row.period === '2026-09')).toBe(true);

    for (const state of ['envoye', 'non_envoyee'] as const) {
      const sent = walk({ ...issued, envelope: state }, 40);
      expect(sent.total).toBeGreaterThan(0);
      expect(sent.rows.every((row) => row.envelope.state === state)).toBe(true);
    }
    const paid = walk({ ...issued, status: 'payee' }, 40);
    expect(paid.total).toBeGreaterThan(0);
    expect(paid.rows.every((row) => row.status === 'payee')).toBe(true);

    const [first] = invoiceWindow(db, issued, 0, 1).rows;
    const byNumber = invoiceWindow(db, { ...issued, search: first?.number ?? '' }, 0, 10);
    expect(byNumber.total).toBe(1);
    expect(byNumber.rows[0]?.id).toBe(first?.id);
  });

  it('past the end: the total and no rows', () => {
    const total = count('1');
    expect(invoiceWindow(db, all, total, 100)).toEqual({ total, offset: total, rows: [] });
    expect(invoiceWindow(db, all, total - 3, 100).rows).toHaveLength(3);
  });

  it('sees a payment recorded here, and one from another workstation, at the next window', () => {
    const unpaid = { ...all, includeDrafts: false, status: 'emise' as const };
    const before = invoiceWindow(db, unpaid, 0, 5);
    const [one, two] = before.rows;
    if (!one || !two) throw new Error('the demo has unpaid invoices');
    const pay = (connection: Database.Database, row: InvoiceRow) =>
      connection
        .prepare(
          "INSERT INTO payments (invoice_id, date, amount_cents, method) VALUES (?, '2026-11-20', ?, 'virement')",
        )
        .run(row.id, row.totalCents);
    pay(db, one);
    const afterOwn = invoiceWindow(db, unpaid, 0, 5);
    expect(afterOwn.total).toBe(before.total - 1);
    expect(afterOwn.rows.map((row) => row.id)).not.toContain(one.id);

    const other = new Database(file);
    pay(other, two);
    other.close();
    const afterOther = invoiceWindow(db, unpaid, 0, 5);
    expect(afterOther.total).toBe(before.total - 2);
    expect(afterOther.rows.map((row) => row.id)).not.toContain(two.id);
  });

  it('refuses windows out of bounds with a French message', () => {
    const input = { ...all, includeDrafts: false, offset: 0, limit: 200 };
    expect(invoiceWindowInputSchema.parse(input)).toMatchObject({ offset: 0, limit: 200 });
    const message = (bad: object) => {
      const parsed = invoiceWindowInputSchema.safeParse({ ...input, ...bad });
      return parsed.success ? 'accepted' : (parsed.error.issues[0]?.message ?? '');
    };
    expect(message({ offset: -1 })).toBe('Le rang de départ ne peut pas être négatif.');
    expect(message({ offset: 1.5 })).toBe('Le rang de départ doit être un nombre entier.');
    expect(message({ limit: 0 })).toBe('Demandez au moins une ligne.');
    expect(message({ limit: 501 })).toMatch(/^Pas plus de 500 lignes/);
    expect(message({ limit: undefined })).not.toBe('accepted');
  });
});
