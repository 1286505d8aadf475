// Three workstations (three processes, three connections) on one shared file at once: no lost
// update, no SQLITE_BUSY or DB_LOCKED surfaced, invoice numbers continuous, audit log complete.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { saveResident } from '../../../src/main/residents/repository';
import { residentInputSchema } from '../../../src/shared/contract';
import { actor, residentInput, seededDatabase } from '../../fixtures/db';
import { bundleWorker, tempDir } from '../../helpers';

const run = promisify(execFile);
const WORKSTATIONS = ['ACCUEIL-1', 'ACCUEIL-2', 'FACTURATION'];
const PER_WORKSTATION = 40;

describe('three workstations on one file', () => {
  it('lose nothing and never surface a lock', async () => {
    const { db, file } = seededDatabase(tempDir());
    const shared = saveResident(db, actor(), {
      id: null,
      version: null,
      resident: residentInputSchema.parse(residentInput({ nom: 'Partagé', prenom: 'Dossier' })),
    });
    const worker = await bundleWorker('tests/main/db/workstation-worker.ts');

    const results = await Promise.all(
      WORKSTATIONS.map(async (name) => {
        const { stdout } = await run(process.execPath, [
          worker,
          file,
          name,
          String(PER_WORKSTATION),
          String(shared.id),
        ]);
        return JSON.parse(stdout) as {
          workstation: string;
          surfaced: string[];
          claimed: number[];
          conflicts: number;
        };
      }),
    );

    for (const result of results) expect(result.surfaced, result.workstation).toEqual([]);
    // Real contention happened (otherwise this test proves nothing).
    expect(results.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);

    const total = WORKSTATIONS.length * PER_WORKSTATION;
    const notes = (
      db.prepare('SELECT notes FROM residents WHERE id = ?').get(shared.id) as { notes: string }
    ).notes;
    for (const name of WORKSTATIONS) {
      for (let i = 0; i < PER_WORKSTATION; i++) expect(notes).toContain(`[${name}-${i}]`);
    }
    expect(notes.match(/\[/g)).toHaveLength(total);

    const claimed = results.flatMap((r) => r.claimed).sort((a, b) => a - b);
    expect(claimed).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    const audit = db
      .prepare(
        "SELECT workstation, action, count(*) AS n FROM audit_log WHERE entity = 'resident' GROUP BY 1, 2 ORDER BY 1, 2",
      )
      .all();
    expect(audit).toEqual([
      { workstation: 'ACCUEIL-1', action: 'create', n: 1 + PER_WORKSTATION },
      { workstation: 'ACCUEIL-1', action: 'update', n: PER_WORKSTATION },
      { workstation: 'ACCUEIL-2', action: 'create', n: PER_WORKSTATION },
      { workstation: 'ACCUEIL-2', action: 'update', n: PER_WORKSTATION },
      { workstation: 'FACTURATION', action: 'create', n: PER_WORKSTATION },
      { workstation: 'FACTURATION', action: 'update', n: PER_WORKSTATION },
    ]);
    const version = (
      db.prepare('SELECT version FROM residents WHERE id = ?').get(shared.id) as { version: number }
    ).version;
    expect(version).toBe(1 + total);
    db.close();
  }, 120_000);
});
