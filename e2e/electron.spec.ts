// The real Electron application, where Electron's binary is installed. On machines that
// cannot download it (such as Pli's build machines) this spec is skipped and says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronSqliteBinding } from '../scripts/electron-native.mjs';
import { electronBinaryPath } from '../scripts/electron-path.mjs';

const binary = electronBinaryPath();

test.skip(
  !binary,
  'Le binaire d’Electron n’est pas installé sur cette machine (téléchargement impossible) : le mode navigateur est testé à la place.',
);

test('the Electron window opens Pli sandboxed, with window.pli and no Node', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['.'],
    env: { ...process.env, PLI_DATA_DIR: dataDir, PLI_SQLITE_BINDING: electronSqliteBinding() },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Bienvenue dans Pli' })).toBeVisible();
    expect(window.url()).toBe('pli://app/index.html');
    expect(
      await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
    ).toBe('undefined');
    expect(
      await window.evaluate(() => typeof (window as unknown as { process?: unknown }).process),
    ).toBe('undefined');
    expect(
      await window.evaluate(() => Object.keys((window as unknown as { pli: object }).pli).sort()),
    ).toEqual(['invoke', 'runtime', 'subscribe']);
    await window.getByRole('button', { name: 'Créer une base de démonstration' }).click();
    await window.getByRole('link', { name: 'Paramètres' }).click();
    await window.getByRole('link', { name: 'À propos' }).click();
    await expect(window.getByTestId('about-runtime')).toHaveText(
      'l’application de bureau (Electron)',
    );
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
