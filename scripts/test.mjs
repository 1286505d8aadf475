// `npm test` after lint and build: unit and integration tests (Vitest), then the end-to-end
// tests (Playwright in Debian Chromium), then the reliability scenarios and their table
// (scripts/reliability.mjs), then one summary line per runner and a total.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

// SMTP passwords live in the OS keychain (keytar → libsecret → Secret Service): the tests use a
// real one, so the whole run happens in its own D-Bus session with an unlocked gnome-keyring.
if (!process.env.PLI_KEYRING_READY && fs.existsSync('/usr/bin/dbus-run-session')) {
  // A keyring of its own in a fresh folder: an existing login keyring with another password
  // would stay locked ("Cannot create an item in a locked collection").
  const inner =
    'echo -n pli-tests | XDG_DATA_HOME="$(mktemp -d)" ' +
    'gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
    'PLI_KEYRING_READY=1 exec node scripts/test.mjs';
  const status = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: process.env,
  }).status;
  process.exit(status ?? 1);
}

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

const unit = read('test-results/unit.json');
const e2e = read('test-results/e2e.json');
const reliability = read('test-results/reliability.json');
const counts = {
  unit: unit
    ? {
        passed: unit.numPassedTests,
        failed: unit.numFailedTests,
        skipped: unit.numPendingTests + unit.numTodoTests,
      }
    : { passed: 0, failed: 1, skipped: 0 },
  e2e: e2e
    ? {
        passed: e2e.stats.expected + e2e.stats.flaky,
        failed: e2e.stats.unexpected,
        skipped: e2e.stats.skipped,
      }
    : { passed: 0, failed: 1, skipped: 0 },
  reliability: reliability
    ? {
        passed: reliability.numPassedTests,
        failed: reliability.numFailedTests,
        skipped: reliability.numPendingTests + reliability.numTodoTests,
      }
    : { passed: 0, failed: 1, skipped: 0 },
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
