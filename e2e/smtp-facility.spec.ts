// Paramètres › Serveur d’envoi, « Serveur utilisé par »: the administrator gives one facility
// its own server (a second smtp-server started by this spec), tests the connection for that
// facility — the connection reaches the facility's server, not the association's —, sees it
// listed after a reload, then sends that facility back to the association's server.
import type { Page } from '@playwright/test';
import { startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { fillLocalServer, openSmtpSettings } from './steps';

const USER = 'tilleuls@ehpad.example';
const PASSWORD = 'Serveur-Propre-1';
let association: TestSmtp;
let facility: TestSmtp;

test.beforeAll(async () => {
  association = await startSmtp({ mode: 'plain' });
  facility = await startSmtp({ mode: 'plain', auth: { user: USER, pass: PASSWORD } });
});
test.afterAll(async () => {
  await association.close();
  await facility.close();
});

const scope = (page: Page) => page.getByRole('combobox', { name: 'Serveur utilisé par' });
const own = (page: Page) => page.getByTestId('smtp-own-servers');

test('a facility gets its own sending server, tested and saved, then goes back', async ({
  page,
  pli,
}) => {
  await openDemo(page, pli.url);
  await openSmtpSettings(page);
  await expect(own(page)).toContainText('Tous les établissements envoient par le serveur');

  // The association's server: no identification.
  await fillLocalServer(page, association.port);
  await page
    .getByRole('combobox', { name: 'Identification' })
    .selectOption({ label: 'Aucune (serveur interne)' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();

  // A facility uses it until given its own.
  await scope(page).selectOption({ index: 1 });
  const name = ((await scope(page).locator('option:checked').textContent()) ?? '').replace(
    / \([A-Z]+\)$/,
    '',
  );
  await expect(
    page.getByText('Cet établissement utilise le serveur de l’association (127.0.0.1).'),
  ).toBeVisible();
  await expect(page.getByLabel('Serveur (SMTP)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Donner à cet établissement son propre serveur' }).click();
  // The form starts from the association's settings.
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(association.port));
  await page.getByLabel('Port', { exact: true }).fill(String(facility.port));
  await page
    .getByRole('combobox', { name: 'Identification' })
    .selectOption({ label: 'Identifiant et mot de passe' });
  await page.getByLabel('Identifiant (souvent l’adresse e-mail complète)').fill(USER);
  await page.getByLabel('Mot de passe du compte d’envoi').fill(PASSWORD);
  await page.getByLabel('Mémoriser sur ce poste').uncheck();
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByTestId('smtp-result')).toContainText(
    `Connexion réussie : port ${facility.port}, sans chiffrement.`,
  );
  expect(facility.authAttempts).toEqual([PASSWORD]);

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
  await expect(own(page)).toHaveText(`Établissements qui ont leur propre serveur : ${name}.`);
  await expect(page.getByText('Cet établissement envoie par son propre serveur')).toBeVisible();

  // After a reload: the association keeps its server, the facility shows its own.
  await page.reload();
  await expect(own(page)).toHaveText(`Établissements qui ont leur propre serveur : ${name}.`);
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(association.port));
  await scope(page).selectOption({ index: 1 });
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(facility.port));
  await expect(page.getByLabel('Identifiant (souvent l’adresse e-mail complète)')).toHaveValue(
    USER,
  );

  // Back to the association's server.
  await page.getByRole('button', { name: 'Revenir au serveur de l’association' }).click();
  await expect(
    page.getByText('Cet établissement utilise de nouveau le serveur de l’association.'),
  ).toBeVisible();
  await expect(
    page.getByText('Cet établissement utilise le serveur de l’association (127.0.0.1).'),
  ).toBeVisible();
  await expect(own(page)).toContainText('Tous les établissements envoient par le serveur');
  await page.reload();
  await expect(own(page)).toContainText('Tous les établissements envoient par le serveur');
});
