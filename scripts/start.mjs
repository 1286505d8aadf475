// `npm start`: the Electron window when Electron's binary is installed, otherwise the same
// application served on 127.0.0.1 (one line `Pli: http://127.0.0.1:PORT/?token=…`).
import { spawn } from 'node:child_process';
import { electronSqliteBinding } from './electron-native.mjs';
import { electronBinaryPath } from './electron-path.mjs';

const electron = process.env.PLI_FORCE_BROWSER === '1' ? null : electronBinaryPath();

if (electron) {
  const env = { ...process.env, PLI_SQLITE_BINDING: electronSqliteBinding() };
  const child = spawn(electron, ['.'], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await import('../dist/main/webhost.mjs');
}
