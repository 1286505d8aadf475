// The pre-send check over the demo's last billed month: every issued facture of the facility is
// listed once, ready or excluded, and each exclusion reason falls on the invoices an
// independent SQL reading of the same file says it should. Then a PDF removed from the share
// and a heavy general attachment add « PDF manquant » and « trop lourd ».
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { absolutePdfPath } from '../../../src/main/billing/pdf-store';
import { generateDemo } from '../../../src/main/db/demo/generate';
import { openDatabase } from '../../../src/main/db/open';
import { storeUpload } from '../../../src/main/mail/attachments';
import { presend, type PresendInput } from '../../../src/main/mail/presend';
import {
  DEFAULT_MAIL_SETTINGS,
  type Presend,
  type PresendReason,
} from '../../../src/shared/contract';
import { isValidEmail, normalizeEmail } from '../../../src/shared/email';
import { tempDir } from '../../helpers';

const PERIOD = '2026-09';
const dir = tempDir('pli-presend-');
const file = path.join(dir, 'pli.sqlite');
const places = { databaseFile: file, dataDir: path.join(dir, 'poste') };
let db: Database.Database;
let facilityId = 0;

const input = (extra: Partial<PresendInput> = {}): PresendInput => ({
  facilityId,
  period: PERIOD,
  docType: 'facture',
  generalAttachments: [],
  individualAttachments: [],
  ...extra,
});

const key = (address: string) => normalizeEmail(address).toLowerCase();

/** The reason each invoice should have, read with plain SQL and the address rule. */
function expectedReasons(): Map<number, PresendReason | null> {
  const invoices = db
    .prepare(
      `SELECT id, resident_id FROM invoices WHERE facility_id = ? AND period = ?
       AND kind = 'facture' AND status = 'issued'`,
    )
    .all(facilityId, PERIOD) as { id: number; resident_id: number }[];
  const emails = db
    .prepare(
      `SELECT id AS resident_id, email FROM residents WHERE receives_invoices = 1 AND email IS NOT NULL
       UNION ALL SELECT resident_id, email FROM contacts WHERE receives_invoices = 1 AND email IS NOT NULL`,
    )
    .all() as { resident_id: number; email: string }[];
  const sent = db
    .prepare(
      `SELECT m.invoice_id, j.value AS address FROM mail_messages m, json_each(m.to_addresses) j
       WHERE m.state = 'sent'`,
    )
    .all() as { invoice_id: number; address: string }[];
  const expected = new Map<number, PresendReason | null>();
  for (const invoice of invoices) {
    const mine = emails.filter((e) => e.resident_id === invoice.resident_id).map((e) => e.email);
    const valid = mine.filter(isValidEmail).map(key);
    const done = new Set(
      sent.filter((s) => s.invoice_id === invoice.id).map((s) => key(s.address)),
    );
    expected.set(
      invoice.id,
      mine.length === 0
        ? 'no_address'
        : valid.length === 0
          ? 'invalid_address'
          : valid.every((a) => done.has(a))
            ? 'already_sent'
            : null,
    );
  }
  return expected;
}

function reasonsOf(result: Presend): Map<number, PresendReason | null> {
  return new Map([...result.ready, ...result.excluded].map((i) => [i.invoiceId, i.reason]));
}

function withReason(reasons: Map<number, PresendReason | null>, reason: PresendReason | null) {
  return [...reasons]
    .filter(([, r]) => r === reason)
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

describe('the pre-send check over the demo', () => {
  let first: Presend;
  beforeAll(async () => {
    db = openDatabase(file, { create: true, appliedBy: 'test' });
    generateDemo(db, {
      residents: 560,
      months: 3,
      seed: 11,
      today: '2026-10-20',
      passwordHashes: { admin: 'x', facturation: 'x', accueil: 'x' },
    });
    facilityId = (
      db.prepare('SELECT id FROM facilities ORDER BY id LIMIT 1').get() as { id: number }
    ).id;
    first = await presend(db, places, input());
  }, 60_000);

  it('lists every facture of the period once, with the reasons SQL expects', () => {
    const expected = expectedReasons();
    expect(expected.size).toBeGreaterThan(200);
    expect(first.ready.length + first.excluded.length).toBe(expected.size);
    expect(reasonsOf(first)).toEqual(expected);
    for (const reason of ['no_address', 'invalid_address', 'already_sent'] as const) {
      expect(withReason(expected, reason).length, reason).toBeGreaterThan(0);
      expect(first.counts[reason]).toBe(withReason(expected, reason).length);
    }
    expect(first.counts.ready).toBe(first.ready.length);
    expect(first.counts.pdf_missing + first.counts.too_large).toBe(0);
  });

  it('shows each ready invoice with its recipients, files and sizes', () => {
    const ready = first.ready[0];
    expect(ready?.recipients.length).toBeGreaterThan(0);
    expect(ready?.attachments[0]).toMatchObject({
      kind: 'facture',
      name: `Facture ${ready?.number ?? ''}.pdf`,
    });
    const releve = first.ready.find((i) => i.attachments.some((a) => a.kind === 'releve'));
    expect(releve?.attachments.map((a) => a.name)).toEqual([
      `Facture ${releve?.number ?? ''}.pdf`,
      `Relevé de débours ${releve?.number ?? ''}.pdf`,
    ]);
    for (const i of first.ready) {
      expect(i.totalBytes).toBe(i.attachments.reduce((s, a) => s + (a.sizeBytes ?? 0), 0));
      expect(i.totalBytes).toBeGreaterThan(0);
    }
    const sent = first.excluded.find((i) => i.reason === 'already_sent');
    expect(sent?.lastSentAt).toMatch(/^2026-10-0[2-4]T/);
    expect(sent?.skipped.every((s) => s.reason === 'already_sent')).toBe(true);
    expect(sent?.message).toMatch(/^Déjà envoyée le \d\d\/10\/2026/);
    const invalid = first.excluded.find((i) => i.reason === 'invalid_address');
    expect(invalid?.skipped[0]?.message).toMatch(/mal écrite/);
  });

  it('keeps the addresses not yet sent to when only one of two was', async () => {
    const two = first.ready.find((i) => i.recipients.length === 2);
    expect(two).toBeDefined();
    const [done, todo] = two?.recipients ?? [];
    db.prepare(
      `INSERT INTO mail_messages (invoice_id, doc_type, state, message_id, sender_mode, from_address,
         to_addresses, subject, body_text, created_at, workstation, sent_at)
       VALUES (?, 'facture', 'sent', '<test.1@les-tilleuls.example>', 'association',
         'f@les-tilleuls.example', ?, 's', 'b', '2026-10-05', 'TEST', '2026-10-05T09:00:00Z')`,
    ).run(two?.invoiceId, JSON.stringify([`Famille <${done?.address ?? ''}>`]));
    const again = (await presend(db, places, input())).ready.find(
      (i) => i.invoiceId === two?.invoiceId,
    );
    expect(again?.recipients).toEqual([todo]);
    expect(again?.skipped.map((s) => [s.address, s.reason])).toEqual([
      [done?.address, 'already_sent'],
    ]);
    expect(again?.lastSentAt).toBe('2026-10-05T09:00:00Z');
  });

  it('finds a removed PDF and a message made too heavy, with the same few queries', async () => {
    const expected = expectedReasons();
    const gone = first.ready[1];
    const recorded = db
      .prepare('SELECT pdf_path FROM invoices WHERE id = ?')
      .get(gone?.invoiceId) as {
      pdf_path: string;
    };
    fs.rmSync(absolutePdfPath(file, recorded.pdf_path));
    expected.set(gone?.invoiceId ?? 0, 'pdf_missing');

    // A newsletter sized so that the heaviest ready invoices go over 10 Mo and the rest do not.
    const sizes = first.ready
      .filter((i) => i.invoiceId !== gone?.invoiceId && expected.get(i.invoiceId) === null)
      .map((i) => ({ id: i.invoiceId, bytes: i.totalBytes }));
    const heaviest = Math.max(...sizes.map((s) => s.bytes));
    const limit = DEFAULT_MAIL_SETTINGS.maxMessageBytes;
    const body = Buffer.alloc(limit - heaviest + 1 - 9, 0x20);
    const gazette = storeUpload(
      places.dataDir,
      {
        name: 'Gazette d’octobre.pdf',
        contentBase64: Buffer.concat([Buffer.from('%PDF-1.7\n'), body]).toString('base64'),
      },
      DEFAULT_MAIL_SETTINGS,
    );
    for (const s of sizes) {
      if (s.bytes + gazette.sizeBytes > limit) expected.set(s.id, 'too_large');
    }
    expect(withReason(expected, 'too_large').length).toBeGreaterThan(0);
    expect(withReason(expected, null).length).toBeGreaterThan(0);

    const prepare = db.prepare.bind(db);
    let statements = 0;
    db.prepare = (sql: string) => {
      statements++;
      return prepare(sql);
    };
    const result = await presend(db, places, input({ generalAttachments: [gazette.ref] }));
    db.prepare = prepare;
    expect(statements).toBeLessThanOrEqual(8); // per table, not per invoice (250 of them)

    expect(reasonsOf(result)).toEqual(expected);
    expect(result.counts.pdf_missing).toBe(1);
    expect(result.counts.too_large).toBe(withReason(expected, 'too_large').length);
    const heavy = result.excluded.find((i) => i.reason === 'too_large');
    expect(heavy?.attachments.at(-1)).toMatchObject({
      kind: 'general',
      name: 'Gazette d’octobre.pdf',
      warning: { code: 'MAIL_ATTACHMENT_LARGE' },
    });
    expect(heavy?.message).toMatch(/trop lourdes/);
    const missing = result.excluded.find((i) => i.reason === 'pdf_missing');
    expect(missing?.attachments[0]?.sizeBytes).toBeNull();
    expect(missing?.message).toMatch(/introuvable/);
  });
});
