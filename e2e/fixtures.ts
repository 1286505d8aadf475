// Starts Pli exactly as `npm start` does after its build (scripts/start.mjs), in browser
// mode, on a fresh data folder and a free port, and hands the printed address to the test.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface PliApp {
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
}

export async function startPli(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ app: PliApp; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PLI_DATA_DIR: dataDir, PLI_PORT: '0', PLI_FORCE_BROWSER: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Pli did not print its address:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Pli: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Pli exited (${code}):\n${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { app: { url, origin: new URL(url).origin, dataDir, output: () => output }, stop };
}

export const test = base.extend<{ dataDir: string; pli: PliApp }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  pli: async ({ dataDir }, use) => {
    const { app, stop } = await startPli(dataDir);
    await use(app);
    await stop();
  },
});

/** Demo sign-in (see README): every demo user's password is « demo ». */
export async function signIn(
  page: Page,
  name = 'Hélène Le Guével',
  password = 'demo',
): Promise<void> {
  await page.getByLabel('Votre nom').selectOption({ label: name });
  await page.getByLabel('Mot de passe Pli').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText(name);
}

/** First start on a fresh data folder: the demonstration database, then sign-in. */
export async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Créer une base de démonstration' }).click();
  await signIn(page);
}

/** The home page is the Tableau de bord: specs that start from the residents go there. */
export async function openResidents(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Résidents' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Résidents' })).toBeVisible();
}

export { expect };
