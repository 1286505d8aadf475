// Two workstations (two processes, two connections) issuing invoices and avoirs of one
// facility at the same moment: every number used once, none skipped, none surfaced as a lock.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seedBillingMonth } from '../../fixtures/billing';
import { seededDatabase } from '../../fixtures/db';
import { bundleWorker, tempDir } from '../../helpers';

const run = promisify(execFile);
const AVOIRS = 40;

describe('two workstations issuing at once', () => {
  it('get continuous, unique numbers', async () => {
    const { db, file } = seededDatabase(tempDir());
    seedBillingMonth(db);
    db.close();
    const worker = await bundleWorker('tests/main/billing/issuing-worker.ts');
    const start = String(Date.now() + 5000);
    const results = await Promise.all(
      [
        ['FACTURATION-1', '2026-09'],
        ['FACTURATION-2', '2026-10'],
      ].map(async ([name = '', period = '']) => {
        const { stdout } = await run(process.execPath, [
          worker,
          file,
          name,
          period,
          String(AVOIRS),
          start,
        ]);
        return JSON.parse(stdout) as { numbers: string[]; surfaced: string[] };
      }),
    );
    for (const result of results) {
      expect(result.surfaced).toEqual([]);
      expect(result.numbers).toHaveLength(4 + AVOIRS);
    }
    const all = results.flatMap((r) => r.numbers).sort();
    const expected = Array.from(
      { length: 2 * (4 + AVOIRS) },
      (_, i) => `TIL-2026-${String(i + 1).padStart(6, '0')}`,
    );
    expect(all).toEqual(expected);
    // Both really ran at once: each one's numbers are interleaved with the other's.
    const seqs = (r: { numbers: string[] }) => r.numbers.map((n) => Number(n.slice(-6)));
    const [a = [], b = []] = results.map(seqs);
    expect(Math.max(...a)).toBeGreaterThan(Math.min(...b));
    expect(Math.max(...b)).toBeGreaterThan(Math.min(...a));
  });
});
