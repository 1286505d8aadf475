// Cold start to an interactive journal in Chromium on the large demo: from the spawn of the web
// host (as `npm start` and e2e/fixtures.ts start it, from dist/) through sign-in to the journal
// open, then « Tous les établissements » and « Tous les mois » to the first row of the whole
// network's journal (every invoice counted) with its « Détails » button ready to click.
// Baseline, same run: the same spawn on an empty data folder, to its first-start screen ready
// (« Créer une base de démonstration » clickable) — the app's own start with nothing to read.
// Chromium (Debian's, flags of playwright.config.ts) is launched once before the runs and
// not counted: the user's browser is already open.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './pdf';

export interface ColdStart {
  /** Milliseconds from spawn, medians over the runs. */
  addressMs: number;
  signInReadyMs: number;
  /** The journal page open, its count shown (the first facility's current month). */
  journalReadyMs: number;
  /** From spawn to the first row of « Tous les établissements », « Tous les mois ». */
  networkRowMs: number;
  networkInvoices: string;
}

export interface ColdStartBench {
  runs: number;
  large: ColdStart;
  /** Empty data folder: spawn to the first-start screen ready. */
  baselineEmptyMs: number;
  ratio: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Spawns the web host on `dataDir`; resolves with its address and a stop function. */
async function startHost(dataDir: string, started: number) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PLI_DATA_DIR: dataDir, PLI_PORT: '0', PLI_FORCE_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Pli: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Pli exited (${String(code)}):\n${output}`)));
  });
  const addressMs = performance.now() - started;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, addressMs, stop };
}

async function journalRun(browser: Browser, dataDir: string): Promise<ColdStart> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page: Page = await context.newPage();
  const started = performance.now();
  const host = await startHost(dataDir, started);
  try {
    const since = () => performance.now() - started;
    await page.goto(host.url);
    const signIn = page.getByRole('button', { name: 'Se connecter' });
    await signIn.click({ trial: true, timeout: 120_000 });
    const signInReadyMs = since();
    await page.getByLabel('Votre nom').selectOption({ label: 'Benoît Maréchal' });
    await page.getByLabel('Mot de passe Pli').fill('demo');
    await signIn.click();
    await page.getByRole('link', { name: 'Journal des factures' }).click({ timeout: 120_000 });
    // The journal opens on the first facility's current month, billed or not yet: ready when
    // its count is shown.
    const count = page.getByTestId('journal-count');
    await count.filter({ hasText: /factures?$/ }).waitFor({ timeout: 120_000 });
    const journalReadyMs = since();

    const filters = page.getByRole('search', { name: 'Filtres du journal' });
    await filters
      .getByRole('combobox', { name: 'Établissement' })
      .selectOption({ label: 'Tous les établissements' });
    await filters.getByRole('checkbox', { name: 'Tous les mois' }).check();
    // The first row of the network's journal: the busy placeholders gone, the count shown.
    await page
      .locator('.journal-table[aria-busy="false"] tbody tr[aria-rowindex="2"]:not([aria-busy])')
      .getByRole('button', { name: /^Détails de / })
      .click({ trial: true, timeout: 120_000 });
    await count.filter({ hasText: /^\d{3}\s\d{3} factures$/ }).waitFor({ timeout: 120_000 });
    const networkRowMs = since();
    return {
      addressMs: host.addressMs,
      signInReadyMs,
      journalReadyMs,
      networkRowMs,
      networkInvoices: (await count.textContent()) ?? '',
    };
  } finally {
    await context.close();
    await host.stop();
  }
}

async function emptyRun(browser: Browser): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-bench-empty-'));
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const started = performance.now();
  const host = await startHost(dataDir, started);
  try {
    await page.goto(host.url);
    await page
      .getByRole('button', { name: 'Créer une base de démonstration' })
      .click({ trial: true, timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await context.close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `file`: the large demo, its users' password « demo »; dist/ is built by `npm run bench` first. */
export async function benchColdStart(file: string, runs = 3): Promise<ColdStartBench> {
  if (!fs.existsSync('dist/main/webhost.mjs')) {
    throw new Error(
      'bench: dist/ manque — lancez « npm run bench », qui construit d’abord l’application.',
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-bench-cold-'));
  fs.writeFileSync(path.join(dataDir, 'preferences.json'), JSON.stringify({ databasePath: file }));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const large: ColdStart[] = [];
    const empty: number[] = [];
    for (let i = 0; i < runs; i++) {
      empty.push(await emptyRun(browser));
      large.push(await journalRun(browser, dataDir));
    }
    const pick = (key: Exclude<keyof ColdStart, 'networkInvoices'>) =>
      median(large.map((run) => run[key]));
    const result: ColdStart = {
      addressMs: pick('addressMs'),
      signInReadyMs: pick('signInReadyMs'),
      journalReadyMs: pick('journalReadyMs'),
      networkRowMs: pick('networkRowMs'),
      networkInvoices: large[0]?.networkInvoices ?? '',
    };
    const baselineEmptyMs = median(empty);
    return { runs, large: result, baselineEmptyMs, ratio: result.networkRowMs / baselineEmptyMs };
  } finally {
    await browser.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeColdStart(bench: ColdStartBench): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const l = bench.large;
  return (
    `démarrage à froid : adresse ${s(l.addressMs)}, connexion prête ${s(l.signInReadyMs)}, ` +
    `journal ouvert ${s(l.journalReadyMs)}, réseau entier (${l.networkInvoices}) ` +
    `${s(l.networkRowMs)} — baseline base vide ${s(bench.baselineEmptyMs)} ` +
    `(${bench.ratio.toFixed(1)} ×), médianes sur ${String(bench.runs)}`
  );
}
