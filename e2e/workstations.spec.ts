// Two workstations (two Pli processes, each with its own preferences) on one shared file: a
// change saved on one appears on the other within seconds, without a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openDemo, openResidents, signIn, startPli, test } from './fixtures';

function workstationDir(name: string, databasePath: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pli-${name}-`));
  fs.writeFileSync(
    path.join(dir, 'preferences.json'),
    JSON.stringify({ workstationName: name, databasePath }),
  );
  return dir;
}

test('a change on one workstation appears on the other', async ({ browser, page, pli }) => {
  await openDemo(page, pli.url);
  await openResidents(page);
  const shared = path.join(pli.dataDir, 'pli.sqlite');
  const otherDir = workstationDir('ACCUEIL-2', shared);
  const other = await startPli(otherDir);
  try {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const second = await context.newPage();
    await second.goto(other.app.url);
    await signIn(second, 'Anh Trần-Morvan');
    await second.getByRole('link', { name: 'Paramètres' }).click();
    await second.getByRole('link', { name: 'À propos' }).click();
    await expect(second.getByTestId('about-workstation')).toHaveText('ACCUEIL-2');
    await expect(second.getByTestId('about-database-path')).toHaveText(shared);

    // Both show the same first resident; the second workstation changes their room.
    const name = (await page.locator('table button.link').first().textContent()) ?? '';
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name, exact: true }) });
    await second.getByRole('link', { name: 'Résidents' }).click();
    await second.getByRole('button', { name, exact: true }).click();
    const form = second.getByRole('region', { name: 'Dossier du résident' });
    await form.getByLabel('Chambre').fill('Infirmerie 2');
    await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(form.getByText('Dossier enregistré.')).toBeVisible();

    // No reload on the first workstation: its watcher sees the shared file change.
    await expect(row).toContainText('Infirmerie 2', { timeout: 10_000 });
    await page.getByRole('button', { name, exact: true }).click();
    await expect(
      page.getByText(/Dernière modification : Anh Trần-Morvan, poste ACCUEIL-2/),
    ).toBeVisible();
    await context.close();
  } finally {
    await other.stop();
    fs.rmSync(otherDir, { recursive: true, force: true });
  }
});
