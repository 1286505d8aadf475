// The demo generator on real SQLite files: realistic names, safe emails, the invoice-address
// limit, continuous numbering, totals equal to their lines, unpaid recent invoices, users.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/main/auth/password';
import {
  DEMO_ASSOCIATION_NAME,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  seedDemo,
} from '../../../src/main/db/demo';
import { generateDemo } from '../../../src/main/db/demo/generate';
import type { DemoFigures } from '../../../src/main/db/demo/generate';
import { ibanValid, luhnValid } from '../../../src/main/db/demo/identity';
import { openDatabase } from '../../../src/main/db/open';
import { isValidEmail } from '../../../src/shared/email';
import { foldForSearch } from '../../../src/shared/text';
import { tempDir } from '../../helpers';

const dir = tempDir();
const FAKE_HASHES = { admin: 'fake', facturation: 'fake', accueil: 'fake' };
let files = 0;

function newDatabase(): Database.Database {
  return openDatabase(path.join(dir, `demo-${++files}.sqlite`), {
    create: true,
    appliedBy: 'test',
  });
}

function all<T>(db: Database.Database, sql: string): T[] {
  return db.prepare(sql).all() as T[];
}

function one(db: Database.Database, sql: string): unknown {
  return db.prepare(sql).get();
}

/** A letter beyond Latin-1 (ł, ş, ễ, Đ, ō…); letters are never below U+0020. */
const outsideLatin1 = (text: string) => /(?=\p{L})[^\u0020-\u00ff]/u.test(text);
const PARTICLE = /^(de |d’|du |le |la )/i;

/** Everything that must hold for any run, whatever its size. */
function expectConsistent(db: Database.Database, figures: DemoFigures, residents: number) {
  expect(one(db, 'SELECT name FROM association')).toEqual({ name: DEMO_ASSOCIATION_NAME });

  const facilities = all<{ code: string; finess: string; siret: string; iban: string }>(
    db,
    'SELECT code, finess, siret, iban, kind FROM facilities ORDER BY id',
  );
  expect(facilities.map((f) => f.code)).toEqual(['TIL', 'CSE', 'HOR']);
  for (const f of facilities) {
    expect(f.finess).toMatch(/^\d{9}$/);
    expect(f.siret).toMatch(/^\d{14}$/);
    expect(luhnValid(f.siret) && luhnValid(f.finess)).toBe(true);
    expect(f.iban.startsWith('FR76')).toBe(true);
    expect(ibanValid(f.iban)).toBe(true);
  }

  const people = all<{ nom: string; prenom: string; search_key: string }>(
    db,
    'SELECT nom, prenom, search_key FROM residents',
  );
  expect(people).toHaveLength(residents);
  expect(figures.residents).toBe(residents);
  const names = people.flatMap((p) => [p.nom, p.prenom]);
  expect(names.some(outsideLatin1)).toBe(true);
  expect(names.some((n) => n.includes('-'))).toBe(true);
  expect(people.some((p) => PARTICLE.test(p.nom))).toBe(true);
  expect(names.some((n) => /[éèêëàâîïôûüç]/i.test(n))).toBe(true);
  for (const p of people) expect(p.search_key).toBe(foldForSearch(`${p.nom} ${p.prenom}`));

  const emails = all<{ email: string }>(
    db,
    `SELECT email FROM residents WHERE email IS NOT NULL
     UNION ALL SELECT email FROM contacts WHERE email IS NOT NULL
     UNION ALL SELECT email FROM users WHERE email IS NOT NULL
     UNION ALL SELECT email FROM facilities`,
  ).map((row) => row.email);
  expect(emails.length).toBeGreaterThan(residents / 2);
  // Valid addresses are all under .example; the mistyped ones (for the pre-send check) are
  // family contacts' invoice addresses, one per few dozen residents, each still recognisable.
  const invalid = emails.filter((e) => !isValidEmail(e));
  expect(emails.filter((e) => isValidEmail(e) && !e.endsWith('.example'))).toEqual([]);
  expect(invalid).toHaveLength(figures.invalidAddresses);
  expect(invalid.length).toBeGreaterThan(0);
  expect(invalid.length).toBeLessThanOrEqual(Math.max(figures.facilities, residents / 10));
  for (const e of invalid) expect(e).toMatch(/@|example$/);
  expect(
    one(
      db,
      `SELECT count(*) AS n FROM contacts WHERE email IS NOT NULL
       AND (role != 'famille' OR receives_invoices = 0) AND email NOT LIKE '%_@_%.example'`,
    ),
  ).toEqual({ n: 0 });

  // Sending history: sent messages of issued factures, after their issue and before today,
  // to valid addresses; past months mostly sent, the last billed month only in part.
  expect(
    one(
      db,
      `SELECT count(*) AS n FROM mail_messages m JOIN invoices i ON i.id = m.invoice_id
       WHERE m.state != 'sent' OR i.kind != 'facture' OR m.sent_at < i.issue_date
         OR m.sent_at > date(i.issue_date, '+4 days') OR m.batch_id IS NULL`,
    ),
  ).toEqual({ n: 0 });
  const sentTo = all<{ to_addresses: string }>(db, 'SELECT to_addresses FROM mail_messages');
  expect(sentTo).toHaveLength(figures.mailMessages);
  for (const m of sentTo) {
    const to = JSON.parse(m.to_addresses) as string[];
    expect(to.length).toBeGreaterThanOrEqual(1);
    expect(to.length).toBeLessThanOrEqual(2);
    expect(to.every(isValidEmail)).toBe(true);
  }
  const shares = all<{ period: string; share: number }>(
    db,
    `SELECT i.period, avg(EXISTS (SELECT 1 FROM mail_messages m WHERE m.invoice_id = i.id)) AS share
     FROM invoices i WHERE i.kind = 'facture' GROUP BY i.period ORDER BY i.period`,
  );
  const lastShare = shares.at(-1)?.share ?? 0;
  expect(lastShare).toBeGreaterThan(0);
  for (const p of shares.slice(0, -1)) expect(p.share).toBeGreaterThan(lastShare);

  const addresses = all<{ n: number; contacts: number }>(
    db,
    `SELECT r.receives_invoices + (SELECT count(*) FROM contacts c
       WHERE c.resident_id = r.id AND c.receives_invoices = 1) AS n,
       (SELECT count(*) FROM contacts c WHERE c.resident_id = r.id) AS contacts
     FROM residents r`,
  );
  for (const a of addresses) {
    expect(a.n).toBeGreaterThanOrEqual(1);
    expect(a.n).toBeLessThanOrEqual(2);
    expect(a.contacts).toBeGreaterThanOrEqual(1);
    expect(a.contacts).toBeLessThanOrEqual(3);
  }

  // Numbers: continuous per facility, in issue order, unique, matching the sequence table.
  const invoices = all<{
    facility_id: number;
    code: string;
    seq: number;
    number: string;
    issue_date: string;
  }>(
    db,
    `SELECT i.facility_id, f.code, i.seq, i.number, i.issue_date FROM invoices i
     JOIN facilities f ON f.id = i.facility_id ORDER BY i.facility_id, i.seq`,
  );
  expect(invoices).toHaveLength(figures.invoices);
  expect(new Set(invoices.map((i) => i.number)).size).toBe(invoices.length);
  const next = new Map(
    all<{ facility_id: number; next_seq: number }>(db, 'SELECT * FROM invoice_sequences').map(
      (s) => [s.facility_id, s.next_seq],
    ),
  );
  let previous = { facility: 0, seq: 0, date: '' };
  for (const i of invoices) {
    if (i.facility_id !== previous.facility)
      previous = { facility: i.facility_id, seq: 0, date: '' };
    expect(i.seq).toBe(previous.seq + 1);
    expect(i.issue_date >= previous.date).toBe(true);
    expect(i.number).toBe(
      `${i.code}-${i.issue_date.slice(0, 4)}-${String(i.seq).padStart(6, '0')}`,
    );
    previous = { facility: i.facility_id, seq: i.seq, date: i.issue_date };
    if (next.get(i.facility_id) === i.seq + 1) next.delete(i.facility_id);
  }
  expect(next.size).toBe(0); // every next_seq is its facility's last seq + 1

  // Integer cents; totals equal their lines; débours rows add up to the débours line.
  expect(
    all(
      db,
      `SELECT i.id FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
       GROUP BY i.id HAVING sum(l.amount_cents) != i.total_cents
         OR typeof(i.total_cents) != 'integer'`,
    ),
  ).toEqual([]);
  expect(
    all(db, 'SELECT id FROM invoice_lines WHERE amount_cents != quantity * unit_cents'),
  ).toEqual([]);
  expect(
    all(
      db,
      `SELECT l.invoice_id FROM invoice_lines l WHERE l.kind = 'debours' AND l.amount_cents !=
       (SELECT sum(amount_cents) FROM debours d WHERE d.invoice_id = l.invoice_id)`,
    ),
  ).toEqual([]);
  // Only the month in progress has débours still to invoice.
  expect(
    one(
      db,
      `SELECT count(*) AS n FROM debours WHERE invoice_id IS NULL
       AND date < (SELECT date(max(period) || '-01', '+1 month') FROM invoices)`,
    ),
  ).toEqual({ n: 0 });
  expect(
    one(db, "SELECT count(*) AS n FROM invoices WHERE kind = 'avoir' AND total_cents >= 0"),
  ).toEqual({ n: 0 });

  // Payments never exceed the invoice and follow it; recent months keep unpaid invoices.
  expect(
    all(
      db,
      `SELECT p.id FROM payments p JOIN invoices i ON i.id = p.invoice_id
       WHERE p.amount_cents > i.total_cents OR p.date < i.issue_date OR i.kind = 'avoir'`,
    ),
  ).toEqual([]);
  const unpaid = all<{ period: string; unpaid: number; total: number }>(
    db,
    `SELECT period, count(*) AS total, sum(NOT EXISTS
       (SELECT 1 FROM payments p WHERE p.invoice_id = i.id)) AS unpaid
     FROM invoices i WHERE kind = 'facture' GROUP BY period ORDER BY period`,
  );
  const recent = unpaid.slice(-3).reduce((sum, p) => sum + p.unpaid, 0);
  expect(recent).toBeGreaterThan(0);

  const users = all<{ login: string; role: string; email: string | null }>(
    db,
    'SELECT login, role, email FROM users ORDER BY id',
  );
  expect(new Set(users.map((u) => u.role))).toEqual(new Set(['admin', 'facturation', 'accueil']));
  expect(users.find((u) => u.login === DEMO_LOGINS.accueil)?.email).toBeNull();
  expect(users.some((u) => u.role === 'accueil' && u.email)).toBe(true);
  return unpaid;
}

describe('generateDemo', () => {
  it('builds a small consistent association (30 residents, 3 months)', () => {
    const db = newDatabase();
    const figures = generateDemo(db, {
      residents: 30,
      months: 3,
      seed: 7,
      today: '2025-06-20',
      passwordHashes: FAKE_HASHES,
    });
    expectConsistent(db, figures, 30);
    expect(figures.facilities).toBe(3);
    expect(one(db, 'SELECT min(period) AS first, max(period) AS last FROM invoices')).toEqual({
      first: '2025-03',
      last: '2025-05',
    });
    db.close();
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number) => {
      const db = newDatabase();
      const figures = generateDemo(db, {
        residents: 20,
        months: 2,
        seed,
        today: '2025-01-10',
        passwordHashes: FAKE_HASHES,
      });
      const names = all<{ nom: string; prenom: string }>(
        db,
        'SELECT nom, prenom FROM residents ORDER BY id',
      );
      db.close();
      return { figures, names };
    };
    const a = run(42);
    const b = run(42);
    expect(b.names[0]).toEqual(a.names[0]);
    expect(b).toEqual(a);
    expect(run(43).names).not.toEqual(a.names);
  });

  it('refuses a database that already has facilities, and an invalid date', () => {
    const db = newDatabase();
    generateDemo(db, { residents: 5, months: 1, today: '2025-02-01', passwordHashes: FAKE_HASHES });
    expect(() => generateDemo(db, { passwordHashes: FAKE_HASHES })).toThrow(/déjà/);
    db.close();
    expect(() =>
      generateDemo(newDatabase(), { today: '2025-02-30', passwordHashes: FAKE_HASHES }),
    ).toThrow(/date/);
  });
});

describe('seedDemo', () => {
  it('fills the default demo (240 residents, 12 months) with real password hashes', async () => {
    const db = newDatabase();
    const figures = await seedDemo(db);
    const unpaid = expectConsistent(db, figures, 240);
    expect(unpaid).toHaveLength(12);
    // Older months are essentially all paid.
    const older = unpaid.slice(0, -3);
    const share = older.reduce((s, p) => s + p.unpaid, 0) / older.reduce((s, p) => s + p.total, 0);
    expect(share).toBeLessThan(0.02);
    // Résidence autonomie: mostly GIR 5-6.
    const autonomie = all<{ gir: number }>(
      db,
      "SELECT gir FROM residents r JOIN facilities f ON f.id = r.facility_id WHERE f.kind = 'residence_autonomie'",
    );
    expect(autonomie.filter((r) => r.gir >= 5).length / autonomie.length).toBeGreaterThan(0.6);
    const admin = one(
      db,
      `SELECT password_hash FROM users WHERE login = '${DEMO_LOGINS.admin}'`,
    ) as {
      password_hash: string;
    };
    expect(await verifyPassword(DEMO_PASSWORD, admin.password_hash)).toBe(true);
    expect(await verifyPassword('autre', admin.password_hash)).toBe(false);
    db.close();
  });
});
