// The demo's month in progress bills like a real one: every resident present gets a draft,
// the débours entered this month and the hospitalisations show, issuing continues the demo's
// numbering without a gap.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewRun } from '../../../src/main/billing/review';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import { generateDemo } from '../../../src/main/db/demo/generate';
import { openDatabase } from '../../../src/main/db/open';
import { actor } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const FAKE_HASHES = { admin: 'fake', facturation: 'fake', accueil: 'fake' };

describe('billing the demo’s current month', () => {
  it('drafts every present resident and issues after the demo’s last number', () => {
    const db = openDatabase(path.join(tempDir(), 'pli.sqlite'), { create: true, appliedBy: 't' });
    generateDemo(db, {
      residents: 120,
      months: 2,
      seed: 3,
      today: '2026-11-23',
      passwordHashes: FAKE_HASHES,
    });
    const facility = db.prepare('SELECT id FROM facilities ORDER BY id LIMIT 1').get() as {
      id: number;
    };
    const present = db
      .prepare(
        `SELECT count(*) AS n FROM residents WHERE facility_id = ? AND admission_date < '2026-12-01'
         AND (discharge_date IS NULL OR discharge_date > '2026-11-01')`,
      )
      .get(facility.id) as { n: number };
    const runId = prepareRun(db, actor(), facility.id, '2026-11');
    const run = reviewRun(db, facility.id, '2026-11');
    expect(run?.invoiceCount).toBe(present.n);
    expect(run?.invoices.some((i) => i.deboursCents > 0)).toBe(true);
    // October's invoices were issued on 1 November: most residents compare with them.
    expect(run?.previous.invoiceCount).toBeGreaterThan(0);
    const last = db
      .prepare(
        "SELECT max(seq) AS seq, max(issue_date) AS day FROM invoices WHERE facility_id = ? AND status = 'issued'",
      )
      .get(facility.id) as { seq: number; day: string };
    const ids = issueRun(db, actor(), runId, run?.version ?? 0, '2026-11-23');
    const seqs = db
      .prepare(`SELECT seq FROM invoices WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`)
      .all(JSON.stringify(ids)) as { seq: number }[];
    expect(last.day <= '2026-11-23').toBe(true);
    expect(seqs.map((s) => s.seq)).toEqual(ids.map((_, i) => last.seq + 1 + i));
  });
});
