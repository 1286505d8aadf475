// « Compte Microsoft 365 » on Paramètres › Serveur d’envoi in Chromium, against oauth2-mock-server
// (the provider's sign-in, on 127.0.0.1) and an smtp-server that accepts only XOAUTH2 with a token
// that server issued. The Microsoft 365 preset explains the end of password sign-in and proposes
// the account; the administrator points the endpoints at the test server, clicks « Se connecter
// avec Microsoft », the sign-in page opens in a new tab and comes back to Pli's loopback
// listener, the page says « Connecté : … », « Tester la connexion » succeeds over XOAUTH2, and
// « Révoquer l’accès » removes the sign-in. With messages sent from each user's own address, the
// user connects their own mailbox on Paramètres › Ce poste (« Votre boîte d’envoi »). Needs the Secret Service (the refresh token goes to
// the keychain): run under dbus-run-session with gnome-keyring, as the README says.
import { startOAuth, type TestOAuth } from '../tests/fixtures/oauth';
import { startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { fillLocalServer, openSmtpSettings } from './steps';

const MAILBOX = 'factures@coeur-de-loire.example';
const HELENE = 'helene.leguevel@les-tilleuls.example';
let oauth: TestOAuth;
let server: TestSmtp;

test.beforeAll(async () => {
  oauth = await startOAuth();
  server = await startSmtp({
    mode: 'plain',
    xoauth2: (user, token) => oauth.checkSmtp(user, token),
  });
});
test.afterAll(async () => {
  await server.close();
  await oauth.close();
});

test('the administrator connects the Microsoft 365 mailbox, tests it and revokes it', async ({
  page,
  pli,
}) => {
  await openDemo(page, pli.url);
  await openSmtpSettings(page);

  // The preset says why a password will stop working, and offers the account instead.
  await page
    .getByRole('combobox', { name: 'Fournisseur' })
    .selectOption({ label: 'Microsoft 365 (Exchange Online)' });
  const proposal = page.getByTestId('smtp-oauth-proposal');
  await expect(proposal).toContainText('fin décembre 2026');
  await proposal.getByRole('button', { name: 'Utiliser « Compte Microsoft 365 »' }).click();
  await expect(page.getByRole('combobox', { name: 'Identification' })).toHaveValue('microsoft');

  // The test servers stand in for smtp.office365.com and login.microsoftonline.com.
  await fillLocalServer(page, server.port);
  await page.getByLabel('Adresse du compte d’envoi (celle qui se connecte)').fill(MAILBOX);
  await page.getByLabel('ID d’application (client)').fill('11111111-2222-3333-4444-555555555555');
  await page.getByText('Adresses de connexion (avancé)').click();
  await page.getByLabel('Adresse d’autorisation').fill(oauth.endpoints.authorizationEndpoint);
  await page.getByLabel('Adresse des jetons').fill(oauth.endpoints.tokenEndpoint);
  await page.getByLabel('Adresse de révocation').fill(oauth.endpoints.revocationEndpoint);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();

  const connection = page.getByTestId('smtp-oauth');
  await expect(connection).toContainText('Non connecté sur ce poste.');
  const opened = page.context().waitForEvent('page');
  await connection.getByRole('button', { name: 'Se connecter avec Microsoft' }).click();
  const tab = await opened;
  // The provider's page consents at once and sends the browser back to Pli's listener.
  await expect(tab.getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
  expect(new URL(tab.url()).hostname).toBe('127.0.0.1');
  await tab.close();
  await expect(connection).toContainText(`Connecté : ${MAILBOX}`);
  expect(oauth.authorizations.at(-1)?.get('code_challenge_method')).toBe('S256');

  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByTestId('smtp-result')).toContainText(
    `Connexion réussie : port ${server.port}, sans chiffrement.`,
  );
  expect(oauth.issued.map((t) => t.token)).toContain(server.authAttempts.at(-1));

  await connection.getByRole('button', { name: 'Révoquer l’accès' }).click();
  await expect(connection).toContainText('Accès révoqué');
  await expect(connection).toContainText('Non connecté sur ce poste.');
  expect(oauth.revocations).toBe(1);

  // Without the sign-in, the test says what to do.
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByRole('alert')).toContainText('n’est pas connecté sur ce poste');

  // Messages from each user's own address: each user connects their own mailbox.
  await page.getByRole('link', { name: 'Envoi des e-mails' }).click();
  await page
    .getByRole('combobox', { name: 'Adresse d’envoi des messages' })
    .selectOption({ label: 'L’adresse de la personne connectée' });
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Réglages d’envoi enregistrés.')).toBeVisible();
  await page.getByRole('link', { name: 'Ce poste' }).click();
  const own = page.getByRole('region', { name: 'Votre boîte d’envoi' });
  await expect(own).toContainText(HELENE);
  await expect(own).toContainText('Non connecté sur ce poste.');
  const ownTab = page.context().waitForEvent('page');
  await own.getByRole('button', { name: 'Se connecter avec Microsoft' }).click();
  await expect((await ownTab).getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
  await expect(own).toContainText(`Connecté : ${HELENE}`);
  expect(oauth.authorizations.at(-1)?.get('login_hint')).toBe(HELENE);
  await own.getByRole('button', { name: 'Révoquer l’accès' }).click();
  await expect(own).toContainText('Non connecté sur ce poste.');
  expect(oauth.revocations).toBe(2);
});
