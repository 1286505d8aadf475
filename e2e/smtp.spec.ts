// Paramètres › Serveur d’envoi in the browser against a real smtp-server started by this spec:
// Mode test banner until a server is saved, a wrong password diagnosed in French, the right one
// (for this session only) connects and says which mode worked, and the test message arrives.
import { simpleParser } from 'mailparser';
import { startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { fillLocalServer, openSmtpSettings } from './steps';

const USER = 'factures@coeur-de-loire.example';
const PASSWORD = 'Bon-M0t-de-Passe';
let server: TestSmtp;

test.beforeAll(async () => {
  server = await startSmtp({ mode: 'plain', auth: { user: USER, pass: PASSWORD } });
});
test.afterAll(async () => {
  await server.close();
});

test('the administrator sets the sending server, tests it and sends a test message', async ({
  page,
  pli,
}) => {
  await openDemo(page, pli.url);
  await expect(page.getByTestId('test-mode-banner')).toContainText(
    'Mode test : aucun e-mail ne part.',
  );
  await openSmtpSettings(page);

  await fillLocalServer(page, server.port);
  await page.getByLabel('Identifiant (souvent l’adresse e-mail complète)').fill(USER);
  await page.getByLabel('Mot de passe du compte d’envoi').fill('mauvais');
  // For this session only: nothing is left in the test machine's keychain.
  await page.getByLabel('Mémoriser sur ce poste').uncheck();

  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  const result = page.getByTestId('smtp-result');
  await expect(result).toHaveAttribute('data-code', 'SMTP_AUTH_FAILED');
  await expect(result).toContainText('Le serveur refuse l’identifiant ou le mot de passe.');
  await expect(result).toContainText('535 5.7.8');

  await page.getByLabel('Mot de passe du compte d’envoi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(result).toContainText(`Connexion réussie : port ${server.port}, sans chiffrement.`);

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
  await expect(page.getByTestId('test-mode-banner')).toHaveCount(0);
  // Saved without « Mémoriser » : the field says the password is known for this session.
  await expect(page.getByLabel('Mot de passe du compte d’envoi')).toHaveAttribute(
    'placeholder',
    /saisi pour cette session/,
  );

  await page
    .getByLabel('Adresse qui reçoit l’e-mail de test')
    .fill('direction@coeur-de-loire.example');
  await page.getByRole('button', { name: 'Envoyer un e-mail de test' }).click();
  await expect(result).toContainText('Message envoyé à direction@coeur-de-loire.example');
  expect(server.received).toHaveLength(1);
  const mail = await simpleParser(server.received[0]?.raw ?? Buffer.alloc(0));
  expect(mail.subject).toBe('Pli — e-mail de test : réglages d’envoi vérifiés ✓');
  expect(server.authAttempts).toEqual(['mauvais', PASSWORD, PASSWORD]);
});
