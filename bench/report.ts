// The bench's record: bench/results/latest.json (every figure, kept across runs of single items
// so `--only` refreshes one without losing the others) and bench/results/latest.md, the table the
// README quotes: measure, figure, baseline measured in the same run, ratio, target, met — with
// the date, the machine and its load (these machines are shared: the load says how noisy).
import fs from 'node:fs';
import os from 'node:os';
import prettier from 'prettier';

export const RESULTS_JSON = 'bench/results/latest.json';
export const RESULTS_MD = 'bench/results/latest.md';

export type Results = Record<string, unknown> & {
  /** Per item: when it was last measured and the load average (1, 5, 15 min) meanwhile. */
  runs?: Record<string, { at: string; loadavg: number[]; error?: string }>;
};

export interface BenchRow {
  measure: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: no target, or not measured. */
  met: boolean | null;
  /** The item (a key of `runs`) the row comes from. */
  item: string;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? '?',
    node: process.version,
    memoryGb: Math.round(os.totalmem() / 1e9),
  };
}

export function loadResults(): Results {
  return fs.existsSync(RESULTS_JSON)
    ? (JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as Results)
    : {};
}

/** `npm run bench -- --only pipeline,memory` (or `-- pipeline`): those items; null: all. */
export function onlyItems(argv: readonly string[], known: readonly string[]): string[] | null {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--only') names.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) names.push(...arg.slice(7).split(','));
    else if (!arg.startsWith('-')) names.push(arg);
  }
  const chosen = names.map((n) => n.trim()).filter((n) => n !== '');
  const unknown = chosen.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new Error(`bench : inconnu ${unknown.join(', ')} (connus : ${known.join(', ')})`);
  }
  return chosen.length > 0 ? chosen : null;
}

/**
 * Runs one item, recording when and under what load. An item that fails is recorded with its
 * error (its previous figures stay, dated) and the others still run: one broken item must not
 * cost the figures of a ten-minute run.
 */
export async function measure(
  results: Results,
  item: string,
  run: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const at = new Date().toISOString();
  const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
  try {
    const figures = await run();
    Object.assign(results, figures, { runs: { ...results.runs, [item]: { at, loadavg: load() } } });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`bench ${item} : échec — ${message}`);
    const last = results.runs?.[item];
    results.runs = {
      ...results.runs,
      [item]: { ...(last ?? { at, loadavg: load() }), error: `${at} : ${message ?? ''}` },
    };
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdown(results: Results, rows: readonly BenchRow[]): string {
  const m = machine();
  const runs = results.runs ?? {};
  const dates = [...new Set(rows.map((r) => runs[r.item]?.at.slice(0, 10)).filter(Boolean))];
  const lines = [
    `Mesuré le ${dates.join(', ') || new Date().toISOString().slice(0, 10)} sur ${m.model}, ${m.cpus} cœurs, ${m.memoryGb} Go, Node ${m.node}.`,
    '',
    '| Mesure | Chiffre | Référence (même exécution) | Rapport | Cible | Atteinte ? |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.measure)} | ${cell(r.figure)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target)} | ${r.met === null ? '—' : r.met ? 'oui' : '**non**'} |`,
    ),
    '',
    `Charge de la machine (load average 1 / 5 / 15 min, à la fin de chaque mesure) : ${Object.entries(
      runs,
    )
      .filter(([item]) => rows.some((r) => r.item === item))
      .map(([item, run]) => `${item} ${run.loadavg.join(' / ')} (${run.at.slice(0, 16)}Z)`)
      .join(' ; ')}.`,
    '',
  ];
  const failed = Object.entries(runs).filter(([, run]) => run.error);
  for (const [item, run] of failed)
    lines.push(`Échec de la dernière mesure de ${item} : ${run.error ?? ''}.`, '');
  return lines.join('\n');
}

/** Written as `npm run lint` (prettier --check .) wants them, so a run leaves the tree clean. */
async function formatted(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

export async function saveResults(results: Results, rows: readonly BenchRow[]): Promise<string> {
  fs.mkdirSync('bench/results', { recursive: true });
  const table = markdown(results, rows);
  const json = JSON.stringify({ ...results, machine: machine() }, null, 2);
  fs.writeFileSync(RESULTS_JSON, await formatted(RESULTS_JSON, json));
  const md = await formatted(RESULTS_MD, `# Pli — bench (\`npm run bench\`)\n\n${table}`);
  fs.writeFileSync(RESULTS_MD, md);
  return md;
}
