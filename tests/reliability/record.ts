// The reliability table's plumbing: each scenario appends its row (what was sent, what the
// server received, what the user was told) to one JSON-lines file that scripts/reliability.mjs
// prints. Scenarios keep their data folders and transcripts (logs, contract results) under one
// root, so the last scenario can search all of them for the SMTP password.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve('test-results/reliability');
const ROWS = path.join(ROOT, 'rows.jsonl');
const TRANSCRIPTS = path.join(ROOT, 'transcripts');
export const WORK = path.join(ROOT, 'work');

export interface ReliabilityRow {
  scenario: string;
  /** Sender processes started, or fault cases run. */
  runs: number;
  messages: number;
  delivered: number;
  /** Messages the server received more than once… */
  duplicates: number;
  /** …and whether every such copy carried the same Message-ID (a family's mail app folds them). */
  sameMessageId: boolean | null;
  lost: number;
  /** The codes the user was shown, e.g. « SMTP_AUTH_FAILED ×50 ». */
  errors: string;
}

export function record(row: ReliabilityRow): void {
  fs.mkdirSync(ROOT, { recursive: true });
  fs.appendFileSync(ROWS, `${JSON.stringify(row)}\n`);
}

/** A data folder kept until the run ends (the secrets scenario reads it). */
export function workDir(name: string): string {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Appends what a scenario logged or got back from the contract, for the secrets search. */
export function transcript(name: string, ...texts: string[]): void {
  fs.mkdirSync(TRANSCRIPTS, { recursive: true });
  fs.appendFileSync(path.join(TRANSCRIPTS, `${name}.txt`), texts.map((t) => `${t}\n`).join(''));
}

export function transcriptFiles(): string[] {
  if (!fs.existsSync(TRANSCRIPTS)) return [];
  return fs.readdirSync(TRANSCRIPTS).map((f) => path.join(TRANSCRIPTS, f));
}

/**
 * Messages (keyed by their row: recipient or subject) the server received more than once, and
 * whether each one's copies all carried the same Message-ID.
 */
export function duplicatesOf(deliveries: { key: string; messageId: string }[]): {
  duplicates: number;
  sameMessageId: boolean | null;
} {
  const ids = new Map<string, string[]>();
  for (const d of deliveries) ids.set(d.key, [...(ids.get(d.key) ?? []), d.messageId]);
  const twice = [...ids.values()].filter((list) => list.length > 1);
  return {
    duplicates: twice.length,
    sameMessageId: twice.length === 0 ? null : twice.every((list) => new Set(list).size === 1),
  };
}

/** « CODE ×n, OTHER ×m » from a list of codes, or « — ». */
export function codeSummary(codes: (string | null | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const c of codes) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size === 0) return '—';
  return [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ');
}

/** A seeded pseudo-random generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of a scenario's data folder (removed with its test) for the secrets search. */
export function keep(name: string, dir: string): void {
  fs.cpSync(dir, path.join(WORK, name), { recursive: true });
}

/** The fault matrix's login, and the wrong password typed there (both searched for last). */
export const FAULT_AUTH = { user: 'factures', pass: 'Bon-M0t-de-Passe' };
export const WRONG_PASSWORD = 'Mauvais-M0t';
