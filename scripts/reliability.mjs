// `npm run test:reliability`: runs the reliability scenarios (vitest.reliability.config.ts),
// then prints their one table — scenario, runs, messages, delivered, duplicates (same
// Message-ID or not), lost, errors surfaced — and writes it to test-results/reliability/table.md.
// The exit status is the scenarios' (a row is recorded only once its assertions held).
// Keychain: tests that need it run inside scripts/test.mjs's D-Bus session; alone, this script
// starts one the same way (scripts/keyring.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inKeyringSession } from './keyring.mjs';

const ROOT = path.resolve('test-results/reliability');

inKeyringSession('scripts/reliability.mjs');

fs.rmSync(ROOT, { recursive: true, force: true });
fs.rmSync('test-results/reliability.json', { force: true });
fs.mkdirSync(ROOT, { recursive: true });
const started = Date.now();
const status =
  spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.reliability.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/reliability.json',
    ],
    { stdio: 'inherit', env: process.env },
  ).status ?? 1;

const rows = fs.existsSync(path.join(ROOT, 'rows.jsonl'))
  ? fs
      .readFileSync(path.join(ROOT, 'rows.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const duplicates = (r) =>
  r.duplicates === 0 ? '0' : `${r.duplicates} (${r.sameMessageId ? 'même' : 'autre'} Message-ID)`;
const header = [
  'Scénario',
  'Exécutions',
  'Messages',
  'Remis',
  'Doublons',
  'Perdus',
  'Erreurs affichées',
];
const lines = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map(
    (r) =>
      `| ${[r.scenario, r.runs, r.messages, r.delivered, duplicates(r), r.lost, r.errors].join(' | ')} |`,
  ),
];
const cpu = os.cpus()[0]?.model.trim() ?? 'CPU inconnu';
const about =
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${cpu}, ` +
  `${Math.round(os.totalmem() / 2 ** 30)} Go, Node ${process.version}, ` +
  `${Math.round((Date.now() - started) / 1000)} s`;
const table = `${lines.join('\n')}\n\n${about}\n`;
fs.writeFileSync(path.join(ROOT, 'table.md'), table);
console.log(`\nFiabilité (${about})\n\n${table}`);
process.exit(status);
