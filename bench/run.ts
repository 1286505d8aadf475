// `npm run bench`: figures for the shared database, each beside a baseline measured in the
// same run on the same machine (so a slow machine or a busy core shows in both).
//  - demo generation (default and ≥ 250,000 invoices) vs. plain inserts of as many rows;
//  - the Résidents list query on the large file vs. a bare count of the same table.
//  - invoice PDFs per second, pdf-lib vs. the same invoice printed by Chromium (bench/pdf.ts);
//    `npm run bench -- pdf` runs this one alone.
// Writes bench/results/latest.json and prints a table. Never a timed test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../src/main/db/demo/generate';
import { openDatabase } from '../src/main/db/open';
import { listResidents } from '../src/main/residents/repository';
import { benchPdf, describePdfBench } from './pdf';

// `npm run bench -- pdf`: the invoice PDFs alone (a minute rather than the demo's long run),
// written into bench/results/latest.json beside the figures of the last full run.
if (process.argv.slice(2).includes('pdf')) {
  const file = 'bench/results/latest.json';
  const last: unknown = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const invoicePdf = await benchPdf();
  fs.mkdirSync('bench/results', { recursive: true });
  const results = { ...(last as object), invoicePdfDate: new Date().toISOString(), invoicePdf };
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`factures PDF   : ${describePdfBench(invoicePdf)}`);
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
const invoicePdf = await benchPdf();

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', node: process.version },
  demoDefault: { rows: small.figures, seconds: small.seconds, megabytes: small.megabytes },
  demoLarge: { rows: large.figures, seconds: large.seconds, megabytes: large.megabytes },
  baselinePlainInsertsSeconds: baseline,
  demoLargeVsBaseline: large.seconds / baseline,
  residentsListMs: queries,
  invoicePdf,
};
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
fs.rmSync(dir, { recursive: true, force: true });

const f = (n: number, d = 2) => n.toFixed(d);
console.log(
  `demo default   : ${small.figures.residents} résidents, ${small.figures.invoices} factures, ${small.figures.invoiceLines} lignes — ${f(small.seconds)} s, ${f(small.megabytes, 1)} Mo`,
);
console.log(
  `demo large     : ${large.figures.residents} résidents, ${large.figures.invoices} factures, ${large.figures.invoiceLines} lignes, ${large.figures.payments} paiements — ${f(large.seconds)} s, ${f(large.megabytes, 1)} Mo`,
);
console.log(
  `baseline       : ${large.figures.invoices} factures + ${large.figures.invoiceLines} lignes en INSERT nus — ${f(baseline)} s (démo = ${f(results.demoLargeVsBaseline, 1)} × baseline)`,
);
console.log(
  `residents:list : présents ${f(queries.presentResidents)} ms, recherche ${f(queries.searchByName)} ms, baseline count(*) ${f(queries.baselineCount, 3)} ms (médianes sur 25, ${large.figures.residents} résidents)`,
);
console.log(`factures PDF   : ${describePdfBench(invoicePdf)}`);
console.log('bench: résultats dans bench/results/latest.json');
