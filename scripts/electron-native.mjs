// Development under Electron: better-sqlite3 in node_modules is built for Node (the tests and
// the web host use it), and Electron needs a build for its own ABI. Build that once, apart,
// into node_modules/.pli-electron/, from better-sqlite3's published prebuilt binaries or, if
// none fits, from source against Electron's headers. Packaged builds do not need this:
// electron-builder rebuilds native modules for Electron itself.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const target = path.resolve(
    'node_modules/.pli-electron',
    `better_sqlite3-${electronVersion}-${process.arch}.node`,
  );
  if (fs.existsSync(target)) return target;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-electron-sqlite-'));
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const copy = path.join(work, 'better-sqlite3');
  fs.cpSync(source, copy, {
    recursive: true,
    filter: (file) => !file.includes(`${path.sep}build${path.sep}`),
  });
  const run = (args) =>
    spawnSync(process.execPath, args, { cwd: copy, stdio: 'inherit' }).status === 0;
  const built =
    run([
      require.resolve('prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
    ]) ||
    run([
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  const binary = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !fs.existsSync(binary)) {
    fs.rmSync(work, { recursive: true, force: true });
    throw new Error('better-sqlite3 n’a pas pu être compilé pour Electron.');
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(binary, target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}
