// `npm start`: the Electron window when Electron's binary is installed, otherwise the same
// application served on 127.0.0.1 (one line `Pli: http://127.0.0.1:PORT/?token=…`).
import { spawn } from 'node:child_process';
import { electronBinaryPath } from './electron-path.mjs';

const electron = process.env.PLI_FORCE_BROWSER === '1' ? null : electronBinaryPath();

if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await import('../dist/main/webhost.mjs');
}
