// The Journal des factures on the large demo (≥ 250,000 invoices): p50 / p95 of one window of
// 200 rows, the first and one near the end, for the whole network and for one facility's month
// sorted by amount (with each row's envelope state), read
//  - through the contract as the app does (dispatch: zod input, handler, zod output), the
//    sorted ids kept between windows while the file is unchanged;
//  - through the contract just after a write (the ids sorted again: the first window after
//    any change on any workstation);
//  - baseline: the same SQL statements run directly with better-sqlite3, every time;
//  - and paging by OFFSET (as invoices:list pages), which the journal does not use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createHandlers, dispatch } from '../src/main/api';
import { hashPassword } from '../src/main/auth/password';
import { SELECT, filterParams, filterWhere, orderOf } from '../src/main/billing/journal';
import { closeAppContext, createAppContext } from '../src/main/context';
import { DEMO_PASSWORD, generateDemo } from '../src/main/db/demo/generate';
import { openDatabase } from '../src/main/db/open';
import { createConfPrefs } from '../src/main/prefs/conf-store';
import { Secrets } from '../src/main/secrets';
import type { ChannelInput } from '../src/shared/contract';
import { benchColdStart, describeColdStart, type ColdStartBench } from './cold-start';
import { percentile } from './stats';

type Filter = Omit<ChannelInput<'invoices:window'>, 'offset' | 'limit'>;
type Stats = { p50: number; p95: number };

const WINDOW = 200;

function percentiles(samples: number[]): Stats {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function time(runs: number, run: () => unknown): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(samples);
}

/** Where the journal and the cold start read: the large demo (11,000 residents, 25 months,
 * more than 250,000 invoices) built once in `dir`, its users' password « demo » for sign-in. */
export async function largeJournalDemo(dir: string): Promise<string> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const file = path.join(dir, 'pli.sqlite');
  const db = openDatabase(file, { create: true, appliedBy: 'bench' });
  generateDemo(db, {
    residents: 11_000,
    months: 25,
    seed: 1,
    today: '2026-11-15',
    passwordHashes: { admin: hash, facturation: hash, accueil: hash },
  });
  db.close();
  return file;
}

/** The same statements as invoices:window (journal.ts, journal-window.ts), with no snapshot. */
function direct(db: Database.Database, filter: Filter, offset: number) {
  const ids = db
    .prepare(
      `SELECT i.id FROM invoices i JOIN residents r ON r.id = i.resident_id
       WHERE ${filterWhere(filter)} ORDER BY ${orderOf(filter.sort)}`,
    )
    .pluck()
    .all(filterParams(filter)) as number[];
  const slice = ids.slice(offset, offset + WINDOW);
  return db
    .prepare(`${SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(slice));
}

/** Paging by OFFSET as invoices:list does (the page's ids first, then their columns): every
 * window sorts the whole list again and skips `offset` rows. */
function offsetQuery(db: Database.Database, filter: Filter, offset: number) {
  const order = orderOf(filter.sort);
  return db
    .prepare(
      `WITH page AS (
         SELECT i.id FROM invoices i JOIN residents r ON r.id = i.resident_id
         WHERE ${filterWhere(filter)} ORDER BY ${order}
         LIMIT ${String(WINDOW)} OFFSET ${String(offset)})
       ${SELECT} WHERE i.id IN (SELECT id FROM page) ORDER BY ${order}`,
    )
    .all(filterParams(filter));
}

export interface JournalCase {
  filter: string;
  total: number;
  /** Milliseconds per window of 200 rows: first window, and the one before the last. */
  first: Record<'contract' | 'contractAfterWrite' | 'direct' | 'offset', Stats>;
  end: Record<'contract' | 'contractAfterWrite' | 'direct' | 'offset', Stats>;
}

export interface JournalBench {
  invoices: number;
  runs: number;
  cases: JournalCase[];
}

/** `file`: the large demo (largeJournalDemo). */
export async function benchJournal(file: string, runs = 30): Promise<JournalBench> {
  const dataDir = fs.mkdtempSync(path.join(path.dirname(file), 'journal-bench-'));
  fs.writeFileSync(path.join(dataDir, 'preferences.json'), JSON.stringify({ databasePath: file }));
  const context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
    secrets: new Secrets(),
  });
  try {
    const handlers = createHandlers(context);
    const db = context.db.connection();
    const { id } = db.prepare("SELECT id FROM users WHERE login = 'facturation'").get() as {
      id: number;
    };
    const signedIn = await dispatch(handlers, 'auth:signIn', { userId: id, password: 'demo' });
    if (!signedIn.ok) throw new Error(`bench: sign-in refused (${signedIn.error.code})`);
    const lastPeriod = db
      .prepare("SELECT max(period) FROM invoices WHERE status = 'issued'")
      .pluck()
      .get() as string;
    const base = { search: '', includeDrafts: false, envelope: null, status: null };
    const filters: [string, Filter][] = [
      ['réseau entier, ordre du journal', { ...base, facilityId: null, period: null, sort: null }],
      [
        `établissement 1, ${lastPeriod}, trié par montant`,
        { ...base, facilityId: 1, period: lastPeriod, sort: { key: 'amount', direction: 'asc' } },
      ],
    ];
    // Any write bumps the connection's change count, as another workstation's would.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_touch (n INTEGER)');
    const touch = db.prepare('INSERT INTO temp.bench_touch VALUES (1)');
    const call = async (filter: Filter, offset: number) => {
      const result = await dispatch(handlers, 'invoices:window', {
        ...filter,
        offset,
        limit: WINDOW,
      });
      if (!result.ok) throw new Error(`bench: invoices:window refused (${result.error.code})`);
      return result.value as { total: number };
    };
    const cases: JournalCase[] = [];
    for (const [label, filter] of filters) {
      const { total } = await call(filter, 0);
      const measure = async (offset: number) => ({
        contract: await time(runs, () => call(filter, offset)),
        contractAfterWrite: await time(runs, () => {
          touch.run();
          return call(filter, offset);
        }),
        direct: await time(runs, () => direct(db, filter, offset)),
        offset: await time(runs, () => offsetQuery(db, filter, offset)),
      });
      const first = await measure(0);
      const end = await measure(Math.max(0, total - WINDOW - 1));
      cases.push({ filter: label, total, first, end });
    }
    const invoices = db.prepare('SELECT count(*) FROM invoices').pluck().get() as number;
    return { invoices, runs, cases };
  } finally {
    closeAppContext(context);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeJournalBench(bench: JournalBench): string[] {
  const f = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`;
  return bench.cases.flatMap((c) =>
    (['first', 'end'] as const).map((where) => {
      const m = c[where];
      return (
        `journal ${where === 'first' ? 'début' : 'fin  '} : ${c.filter} (${c.total} lignes) — p50 / p95 ms : ` +
        `contrat ${f(m.contract)}, contrat après écriture ${f(m.contractAfterWrite)}, ` +
        `SQL direct ${f(m.direct)} (contrat après écriture = ${(m.contractAfterWrite.p50 / m.direct.p50).toFixed(2)} × direct), ` +
        `OFFSET ${f(m.offset)}`
      );
    }),
  );
}

/** Items 3 and 5 of the bench on one large demo: the journal's windows, then the cold start. */
export async function benchLargeJournal(): Promise<{
  journal: JournalBench;
  coldStart: ColdStartBench;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-bench-journal-'));
  try {
    const file = await largeJournalDemo(dir);
    const journal = await benchJournal(file);
    for (const line of describeJournalBench(journal)) console.log(line);
    const coldStart = await benchColdStart(file);
    console.log(describeColdStart(coldStart));
    return { journal, coldStart };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
