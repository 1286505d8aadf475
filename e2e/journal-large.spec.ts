// The journal of a whole network in Chromium: a demo database of several thousand invoices,
// « Tous les établissements » and « Tous les mois ». The count is the database's, in
// French grouping; the table's scroll extent and aria-rowcount cover every invoice while only
// the rows on screen are in the page; End from the keyboard reaches the oldest invoice through
// busy placeholder rows; another workstation's change refreshes that row in place; its row
// opens its panel; a sort starts again from the top.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, signIn, startPli, test } from './fixtures';
import { openJournal } from './steps';

const grouped = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

test('every invoice of the network: the count, End to the oldest, placeholders while loading', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pli-journal-large-'));
  const file = path.join(dir, 'demo', 'pli.sqlite');
  execFileSync(process.execPath, [
    'dist/main/demo.mjs',
    ...['--data-dir', path.join(dir, 'demo'), '--residents', '300', '--months', '14', '--force'],
  ]);
  fs.writeFileSync(path.join(dir, 'preferences.json'), JSON.stringify({ databasePath: file }));
  // What the journal must show, counted by plain SQL on the same file.
  const db = new Database(file, { readonly: true });
  const count = (where: string) =>
    db
      .prepare(`SELECT count(*) FROM invoices WHERE status = 'issued' AND ${where}`)
      .pluck()
      .get() as number;
  const total = count('1');
  const tilleuls = count(
    "facility_id = (SELECT id FROM facilities WHERE name = 'EHPAD Les Tilleuls')",
  );
  // The journal's own order puts the oldest period last, its lowest number at the very end.
  const oldest = db
    .prepare(
      `SELECT number FROM invoices WHERE status = 'issued'
       AND period = (SELECT min(period) FROM invoices WHERE status = 'issued')
       AND seq = (SELECT min(seq) FROM invoices WHERE status = 'issued'
                  AND period = (SELECT min(period) FROM invoices WHERE status = 'issued'))`,
    )
    .pluck()
    .all() as string[];
  db.close();
  expect(total).toBeGreaterThan(3000);

  const pli = await startPli(dir);
  try {
    await page.goto(pli.app.url);
    await signIn(page, 'Benoît Maréchal');
    const filters = await openJournal(page, 'Tous les établissements');
    await filters.getByRole('checkbox', { name: 'Tous les mois' }).check();
    await expect(filters.getByRole('textbox', { name: 'Période' })).toBeDisabled();

    await expect(page.getByTestId('journal-count')).toHaveText(`${grouped(total)} factures`);
    expect(grouped(total)).toMatch(/^\d{1,3}\s\d{3}$/);
    const table = page.getByRole('table', { name: /lignes? dans le journal/ });
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    await expect(table).toHaveAccessibleName(`${grouped(total)} lignes dans le journal`);
    const rendered = table.locator('tbody tr[aria-rowindex]');
    await expect(rendered.first()).toHaveAttribute('aria-rowindex', '2');
    await expect(rendered.first().getByRole('rowheader')).not.toBeEmpty();
    expect(await rendered.count()).toBeLessThan(80);
    await expect(table).toHaveAttribute('aria-busy', 'false');

    // The windows far down answer slowly now: the rows on screen wait as busy placeholders.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => decodeURIComponent(url.pathname) === '/api/invoices:window',
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const scroller = page.getByRole('region', { name: /^Factures du journal/ });
    await scroller.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await page.keyboard.press('End');
    const last = table.locator(`tbody tr[aria-rowindex="${String(total + 1)}"]`);
    await expect(last).toHaveAttribute('aria-busy', 'true');
    await expect(last).toHaveText(`Chargement de la ligne ${grouped(total)}…`);
    await expect(table).toHaveAttribute('aria-busy', 'true');
    release();
    await page.unroute((url) => decodeURIComponent(url.pathname) === '/api/invoices:window');

    // The oldest invoice, last of the journal, on screen under the header.
    await expect(last).not.toHaveAttribute('aria-busy');
    await expect(last).toBeInViewport();
    expect(oldest).toContain(await last.getByRole('rowheader').textContent());
    await expect(table).toHaveAttribute('aria-busy', 'false');
    await expect(table.getByRole('columnheader', { name: 'Envoi' })).toBeInViewport();

    // Another workstation records a refusal for it: the row turns red where it is, in view.
    const scrolled = await scroller.evaluate((element) => element.scrollTop);
    const writer = new Database(file);
    writer
      .prepare(
        `INSERT INTO mail_messages (invoice_id, doc_type, state, message_id, sender_mode,
           from_address, to_addresses, subject, body_text, attempts, last_error_code, last_reply,
           created_at, created_by, workstation)
         SELECT id, 'facture', 'failed', '<pli.e2e.large@pli.example>', 'association',
           'factures@pli.example', '["inconnu@famille.example"]', 'Votre facture', 'Bonjour', 1,
           'SMTP_RECIPIENT_REFUSED', '550 5.1.1 Mailbox unavailable', ?, 1, 'ACCUEIL-2'
         FROM invoices WHERE number = ?`,
      )
      .run(new Date().toISOString(), await last.getByRole('rowheader').textContent());
    // Every write leaves its audit row, which is what other workstations watch for.
    writer
      .prepare(
        `INSERT INTO audit_log (at, user_name, workstation, entity, entity_id, action)
         VALUES (?, 'Benoît Maréchal', 'ACCUEIL-2', 'mail_message', last_insert_rowid(), 'failed')`,
      )
      .run(new Date().toISOString());
    writer.close();
    await expect(last.locator('[data-envelope="en_echec"]')).toBeVisible();
    await expect(last).toBeInViewport();
    expect(await scroller.evaluate((element) => element.scrollTop)).toBeGreaterThanOrEqual(
      scrolled - 1,
    );
    expect(await rendered.count()).toBeLessThan(80);
    await last.getByRole('button', { name: /^Détails de / }).click();
    await expect(page.getByRole('region', { name: 'Détail de la facture' })).toBeVisible();

    // A sort starts from the top again; a facility narrows the count.
    await table.getByRole('button', { name: /^Montant/ }).click();
    await expect(table.getByRole('columnheader', { name: /^Montant/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(rendered.first()).toHaveAttribute('aria-rowindex', '2');
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(0);
    await filters
      .getByRole('combobox', { name: 'Établissement' })
      .selectOption({ label: 'EHPAD Les Tilleuls' });
    await expect(page.getByTestId('journal-count')).toHaveText(`${grouped(tilleuls)} factures`);
    await expect(table).toHaveAttribute('aria-rowcount', String(tilleuls + 1));
  } finally {
    await pli.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
