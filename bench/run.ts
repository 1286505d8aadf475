// `npm run bench`: figures for the shared database, each beside a baseline measured in the
// same run on the same machine (so a slow machine or a busy core shows in both).
//  - demo generation (default and ≥ 250,000 invoices) vs. plain inserts of as many rows;
//  - the Résidents list query on the large file vs. a bare count of the same table.
//  - invoice PDFs per second, pdf-lib vs. the same invoice printed by Chromium (bench/pdf.ts);
//  - the bulk send pipeline vs. a bare nodemailer pool (bench/pipeline.ts), the main side's
//    memory across 1,000 messages (bench/memory.ts), the throttle's fidelity (bench/throttle.ts).
// `npm run bench -- --only pipeline,memory` (or `-- pdf`) runs those items alone and keeps the
// other figures of latest.json; `-- --table` only writes the table again. Writes bench/results/latest.json and latest.md (the README's
// table, bench/report.ts) and prints the table. Never a timed test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../src/main/db/demo/generate';
import { openDatabase } from '../src/main/db/open';
import { listResidents } from '../src/main/residents/repository';
import { benchMemory } from './memory';
import { benchLargeJournal } from './journal';
import { benchPdf, describePdfBench } from './pdf';
import { benchPipeline } from './pipeline';
import {
  loadResults,
  measure,
  onlyItems,
  saveResults,
  type BenchRow,
  type Results,
} from './report';
import { benchRows } from './rows';
import { benchThrottle } from './throttle';

// The items that run alone (`--only`), each adding its keys to latest.json.
const items: Record<string, () => Promise<Record<string, unknown>>> = {
  pdf: async () => ({ invoicePdf: await benchPdf() }),
  pipeline: async () => ({ bulkPipeline: await benchPipeline() }),
  memory: async () => ({ memory: await benchMemory() }),
  throttle: async () => ({ throttle: await benchThrottle() }),
  // The journal's windows and the cold start, on their own large demo (bench/journal.ts).
  journal: benchLargeJournal,
};

/** The table, in the order. */
function tableRows(results: Results): BenchRow[] {
  const mine = benchRows(results);
  return [
    ...mine.pdf,
    ...mine.pipeline,
    ...mine.journal,
    ...mine.memory,
    ...mine.coldStart,
    ...mine.throttle,
  ];
}

// `npm run bench -- --table`: latest.md written again from latest.json, nothing measured.
if (process.argv.includes('--table')) {
  const results = loadResults();
  console.log(await saveResults(results, tableRows(results)));
  process.exit(0);
}

const only = onlyItems(process.argv.slice(2), Object.keys(items));
if (only) {
  const results = loadResults();
  for (const item of only)
    await measure(results, item, items[item] as () => Promise<Record<string, unknown>>);
  console.log(await saveResults(results, tableRows(results)));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-bench-'));
const hashes = { admin: 'x', facturation: 'x', accueil: 'x' }; // scrypt is not what we measure

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function demo(name: string, residents: number, months: number) {
  const file = path.join(dir, `${name}.sqlite`);
  const db = openDatabase(file, { create: true, appliedBy: 'bench' });
  const start = process.hrtime.bigint();
  const figures = generateDemo(db, {
    residents,
    months,
    seed: 1,
    today: '2026-11-15',
    passwordHashes: hashes,
  });
  const elapsed = seconds(start);
  return { db, file, figures, seconds: elapsed, megabytes: fs.statSync(file).size / 1e6 };
}

/** The same number of invoice and line rows, inserted with no logic at all. */
function baselineInserts(invoices: number, lines: number): number {
  const db = openDatabase(path.join(dir, 'baseline.sqlite'), { create: true, appliedBy: 'bench' });
  db.exec("INSERT INTO facilities (id, code, name) VALUES (1, 'B', 'B')");
  db.exec(
    "INSERT INTO residents (id, facility_id, civilite, nom, prenom, admission_date, search_key, created_at, updated_at) VALUES (1, 1, 'M.', 'B', 'B', '2020-01-01', 'b b', '', '')",
  );
  const invoice = db.prepare(
    "INSERT INTO invoices (facility_id, resident_id, status, seq, number, period, total_cents, created_at) VALUES (1, 1, 'issued', ?, ?, '2026-01', 100, '')",
  );
  const line = db.prepare(
    "INSERT INTO invoice_lines (invoice_id, position, kind, label, quantity, unit_cents, amount_cents) VALUES (?, 1, 'autre', 'x', 1, 100, 100)",
  );
  const start = process.hrtime.bigint();
  const perInvoice = lines / invoices;
  db.transaction(() => {
    let written = 0;
    for (let i = 1; i <= invoices; i++) {
      const id = invoice.run(i, `B-${i}`).lastInsertRowid;
      for (; written < i * perInvoice; written++) line.run(id);
    }
  }).immediate();
  const elapsed = seconds(start);
  db.close();
  return elapsed;
}

function median(run: () => unknown, times = 25): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(seconds(start) * 1000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0;
}

const small = demo('default', 240, 12);
small.db.close();
const large = demo('large', 11_000, 25);
const baseline = baselineInserts(large.figures.invoices, large.figures.invoiceLines);

const queries = {
  presentResidents: median(() =>
    listResidents(large.db, { search: '', facilityId: null, status: 'present' }),
  ),
  searchByName: median(() =>
    listResidents(large.db, { search: 'le g', facilityId: null, status: 'all' }),
  ),
  baselineCount: median(() => large.db.prepare('SELECT count(*) FROM residents').get()),
};
large.db.close();
// From the last figures, so an item that fails this time keeps its previous ones, dated.
const measured: Results = loadResults();
for (const [item, run] of Object.entries(items)) await measure(measured, item, run);
const invoicePdf = measured.invoicePdf as Awaited<ReturnType<typeof benchPdf>>;

const results: Results = {
  ...measured,
  date: new Date().toISOString(),
  demoDefault: { rows: small.figures, seconds: small.seconds, megabytes: small.megabytes },
  demoLarge: { rows: large.figures, seconds: large.seconds, megabytes: large.megabytes },
  baselinePlainInsertsSeconds: baseline,
  demoLargeVsBaseline: large.seconds / baseline,
  residentsListMs: queries,
};
const table = await saveResults(results, tableRows(results));
fs.rmSync(dir, { recursive: true, force: true });

const f = (n: number, d = 2) => n.toFixed(d);
console.log(
  `demo default   : ${small.figures.residents} résidents, ${small.figures.invoices} factures, ${small.figures.invoiceLines} lignes — ${f(small.seconds)} s, ${f(small.megabytes, 1)} Mo`,
);
console.log(
  `demo large     : ${large.figures.residents} résidents, ${large.figures.invoices} factures, ${large.figures.invoiceLines} lignes, ${large.figures.payments} paiements — ${f(large.seconds)} s, ${f(large.megabytes, 1)} Mo`,
);
console.log(
  `baseline       : ${large.figures.invoices} factures + ${large.figures.invoiceLines} lignes en INSERT nus — ${f(baseline)} s (démo = ${f(large.seconds / baseline, 1)} × baseline)`,
);
console.log(
  `residents:list : présents ${f(queries.presentResidents)} ms, recherche ${f(queries.searchByName)} ms, baseline count(*) ${f(queries.baselineCount, 3)} ms (médianes sur 25, ${large.figures.residents} résidents)`,
);
console.log(`factures PDF   : ${describePdfBench(invoicePdf)}`);
console.log(table);
console.log('bench: résultats dans bench/results/latest.json et latest.md');
