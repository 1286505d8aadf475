// Steps several specs take the same way, through the UI as the staff would.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { smtpError, startSmtp, type TestSmtp } from '../tests/fixtures/smtp';
import { expect, signIn } from './fixtures';

/** Paramètres › Serveur d’envoi. */
export async function openSmtpSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('link', { name: 'Serveur d’envoi' }).click();
}

/** The test server's address: 127.0.0.1, its port, no encryption (the test servers are plain). */
export async function fillLocalServer(page: Page, port: number): Promise<void> {
  await page.getByLabel('Serveur (SMTP)').fill('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page
    .getByRole('combobox', { name: /^Sécurité/ })
    .selectOption({ label: 'Aucune (non chiffré, serveur interne seulement)' });
}

/**
 * Saves the test server with its account; the password for this session only, so that nothing
 * is left in the test machine's keychain.
 */
export async function saveLocalServer(
  page: Page,
  port: number,
  user: string,
  password: string,
): Promise<void> {
  await openSmtpSettings(page);
  await fillLocalServer(page, port);
  await page.getByLabel('Identifiant (souvent l’adresse e-mail complète)').fill(user);
  await page.getByLabel('Mot de passe du compte d’envoi').fill(password);
  await page.getByLabel('Mémoriser sur ce poste').uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
}

/** Journal des factures; its filters, set on one facility when given. */
export async function openJournal(page: Page, facility?: string): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Journal des factures' })
    .click();
  const filters = page.getByRole('search', { name: 'Filtres du journal' });
  if (facility) {
    await filters
      .getByRole('combobox', { name: 'Établissement' })
      .selectOption({ label: facility });
  }
  return filters;
}

/** Journal des factures, filtered on last month (the demo's latest issued invoices). */
export async function openLastMonth(page: Page): Promise<void> {
  const filters = await openJournal(page);
  const last = new Date();
  last.setDate(1);
  last.setMonth(last.getMonth() - 1);
  const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  await filters.getByRole('textbox', { name: 'Période' }).fill(period);
}

/** « Envoyer par e-mail » on the journal's first invoice: its number and the dialog. */
export async function emailFirstInvoice(page: Page) {
  const row = page.locator('.journal-table tbody tr').first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const number = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
  await row.click();
  const detail = page.getByRole('region', { name: /facture/i }).filter({ hasText: number });
  await detail.getByRole('button', { name: 'Envoyer par e-mail' }).click();
  const dialog = page.getByRole('dialog', { name: `Envoyer la facture ${number} par e-mail` });
  return { number, dialog };
}

/** The envelope shown in the journal for one invoice. */
export function envelopeOf(page: Page, number: string) {
  return page
    .locator('.journal-table tbody tr')
    .filter({ hasText: number })
    .locator('[data-envelope]');
}

/** axe-core: no serious or critical violation on the page as it is now (or within `include`). */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const axe = await (include ? builder.include(include) : builder).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
}

/**
 * A real smtp-server on 127.0.0.1 asking for `user`/`pass` and refusing with 550 every address
 * the spec puts in `refused` (lower case), for as long as it stays there.
 */
export function startRefusingSmtp(
  user: string,
  pass: string,
  refused: ReadonlySet<string>,
): Promise<TestSmtp> {
  return startSmtp({
    mode: 'plain',
    auth: { user, pass },
    onRcptTo: (address) =>
      refused.has(address.address.toLowerCase())
        ? smtpError(550, '5.1.1 Mailbox unavailable: no such user here')
        : null,
  });
}

/**
 * The administrator signs out (forgetting the password typed for the session) and facturation
 * opens Envoi groupé; resolves with its table once the ready invoices can be ticked.
 */
export async function openBulkSendAsBilling(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'Benoît Maréchal');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Envoi groupé' })
    .click();
  const ready = page.getByRole('table', { name: 'Factures qui partiront' });
  await expect(ready.getByRole('checkbox').first()).toBeEnabled({ timeout: 60_000 });
  return ready;
}
