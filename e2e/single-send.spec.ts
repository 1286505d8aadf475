// « Envoyer par e-mail » of one invoice from the journal, in Chromium against a real
// smtp-server on 127.0.0.1: the administrator sets the server, opens last month's first
// invoice, adds a typed address to the family's, looks at the preview, sends, and the server
// receives the invoice for exactly those addresses with its PDF. The dialog passes axe-core.
import { simpleParser } from 'mailparser';
import { startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, openDemo, test } from './fixtures';
import { emailFirstInvoice, expectAccessible, openLastMonth, saveLocalServer } from './steps';

const USER = 'factures@les-tilleuls.example';
const PASSWORD = 'Bon-M0t-de-Passe';
const TYPED = 'notaire.dupont@exemple.fr';
let server: TestSmtp;

test.beforeAll(async () => {
  server = await startSmtp({ mode: 'plain', auth: { user: USER, pass: PASSWORD } });
});
test.afterAll(async () => {
  await server.close();
});

test('sends one invoice to the family and a typed address from the journal', async ({
  page,
  pli,
}, testInfo) => {
  test.setTimeout(120_000);
  await openDemo(page, pli.url);
  await saveLocalServer(page, server.port, USER, PASSWORD);

  await openLastMonth(page);
  const { number, dialog } = await emailFirstInvoice(page);
  const boxes = dialog.getByRole('group', { name: 'Destinataires' }).getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const family = await boxes.evaluateAll((inputs) =>
    inputs
      .filter((input) => (input as HTMLInputElement).checked)
      .map((input) => /\S+@\S+/.exec(input.parentElement?.textContent ?? '')?.[0] ?? ''),
  );
  await dialog.getByLabel('Autre adresse').fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Ajouter l’adresse' }).click();
  await expect(dialog.getByRole('alert')).toContainText('n’est pas une adresse e-mail valide');
  await dialog.getByLabel('Autre adresse').fill(TYPED);
  await dialog.getByRole('button', { name: 'Ajouter l’adresse' }).click();
  await expect(dialog.getByRole('checkbox', { name: TYPED })).toBeChecked();

  await dialog.getByRole('button', { name: 'Aperçu du message' }).click();
  const preview = dialog.getByRole('region', { name: 'Aperçu du message' });
  await expect(preview.locator('[data-header="to"]')).toContainText(TYPED);
  await expectAccessible(page, 'dialog');

  const shot = testInfo.outputPath('envoyer-par-e-mail.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('envoyer-par-e-mail', { path: shot, contentType: 'image/png' });

  const count = family.length + 1;
  await dialog
    .getByRole('button', { name: count > 1 ? `Envoyer à ${count} destinataires` : 'Envoyer' })
    .click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => server.received.length, { timeout: 30_000 }).toBe(1);
  const received = server.received[0]!;
  expect(received.envelope.rcptTo.map((r) => r.address).sort()).toEqual(
    [...family, TYPED].map((a) => a.toLowerCase()).sort(),
  );
  const mail = await simpleParser(received.raw);
  expect(mail.attachments.some((a) => a.filename === `Facture ${number}.pdf`)).toBe(true);
});
