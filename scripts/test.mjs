// `npm test` after lint and build: unit and integration tests (Vitest), then the end-to-end
// tests (Playwright in Debian Chromium), then the reliability scenarios and their table
// (scripts/reliability.mjs), then one summary line per runner and a total.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { inKeyringSession } from './keyring.mjs';

// The whole run happens in one D-Bus session with a real, unlocked keychain.
inKeyringSession('scripts/test.mjs');

fs.mkdirSync('test-results', { recursive: true });

function run(args) {
  return spawnSync('npx', args, { stdio: 'inherit', env: process.env }).status ?? 1;
}

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const unitStatus = run([
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
const e2eStatus = run(['playwright', 'test']);
const reliabilityStatus =
  spawnSync('node', ['scripts/reliability.mjs'], { stdio: 'inherit', env: process.env }).status ??
  1;

/** Passed, failed and skipped of a Vitest JSON report; none written counts as one failure. */
function vitestCounts(report) {
  return report
    ? {
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        skipped: report.numPendingTests + report.numTodoTests,
      }
    : { passed: 0, failed: 1, skipped: 0 };
}

const unit = read('test-results/unit.json');
const e2e = read('test-results/e2e.json');
const reliability = read('test-results/reliability.json');
const counts = {
  unit: vitestCounts(unit),
  e2e: e2e
    ? {
        passed: e2e.stats.expected + e2e.stats.flaky,
        failed: e2e.stats.unexpected,
        skipped: e2e.stats.skipped,
      }
    : { passed: 0, failed: 1, skipped: 0 },
  reliability: vitestCounts(reliability),
};
const total = { passed: 0, failed: 0, skipped: 0 };
console.log('');
// The reliability table once more, beside the summary lines, for whoever reads the CI log's end.
if (fs.existsSync('test-results/reliability/table.md')) {
  console.log(`Fiabilité\n\n${fs.readFileSync('test-results/reliability/table.md', 'utf8')}`);
}
// A skipped test must say why (for example: no Electron binary on this machine).
function* skippedTests(suite) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests) {
      if (t.status === 'skipped') {
        const reason = t.annotations.find((a) => a.type === 'skip')?.description ?? 'sans raison';
        yield `${spec.title} — ${reason}`;
      }
    }
  }
  for (const child of suite.suites ?? []) yield* skippedTests(child);
}
for (const suite of e2e?.suites ?? []) {
  for (const line of skippedTests(suite)) console.log(`skipped: ${line}`);
}
for (const [name, c] of Object.entries(counts)) {
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += c[key];
}
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(
  unitStatus === 0 && e2eStatus === 0 && reliabilityStatus === 0 && total.failed === 0 ? 0 : 1,
);
