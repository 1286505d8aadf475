// postinstall: fetch Electron's binary where the machine can download it. Where it cannot
// (build machines without Internet), say so in one line and succeed: Pli then runs in the
// browser through its loopback web host.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinaryPath } from './electron-path.mjs';

const require = createRequire(import.meta.url);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  console.log('Pli: téléchargement d’Electron désactivé (ELECTRON_SKIP_BINARY_DOWNLOAD=1).');
} else if (!electronBinaryPath()) {
  let installer = null;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    console.log('Pli: paquet electron absent ; Pli fonctionnera dans le navigateur.');
  }
  if (installer) {
    const result = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 300_000 });
    console.log(
      result.status === 0 && electronBinaryPath()
        ? 'Pli: Electron installé.'
        : 'Pli: Electron n’a pas pu être téléchargé sur cette machine ; `npm start` servira Pli dans le navigateur.',
    );
  }
}
