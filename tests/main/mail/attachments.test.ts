// The files a message carries, on real files: uploads kept by content in the outbox, the types
// allowed by the association's settings checked on the name and the first bytes, a warning
// above the per-file threshold, the per-message limit, and the invoice's own PDFs.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewRun } from '../../../src/main/billing/review';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import {
  assertMessageSize,
  attachmentName,
  invoiceAttachments,
  outboxFolder,
  storedAttachment,
  storeUpload,
  type AttachmentRules,
} from '../../../src/main/mail/attachments';
import { loadMailSettings, saveMailSettings } from '../../../src/main/mail/settings';
import { DEFAULT_MAIL_SETTINGS, MEGABYTE, PliError } from '../../../src/shared/contract';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const RULES: AttachmentRules = DEFAULT_MAIL_SETTINGS;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const pdf = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]);
const upload = (name: string, bytes: Buffer) => ({ name, contentBase64: bytes.toString('base64') });

async function codeOf(fn: () => unknown): Promise<string | null> {
  try {
    await fn();
  } catch (error) {
    return error instanceof PliError ? error.code : String(error);
  }
  return null;
}

describe('uploaded attachments', () => {
  const dataDir = tempDir('pli-outbox-');

  it('keeps an upload in the outbox by content, with its accented name', () => {
    const name = 'Lettre d’information – été.pdf';
    const stored = storeUpload(dataDir, upload(name, pdf()), RULES);
    expect(stored.name).toBe(name);
    expect(stored.ref).toMatch(/^[0-9a-f]{64}-Lettre d’information – été\.pdf$/);
    expect(stored.path).toBe(path.join(outboxFolder(dataDir), stored.ref));
    expect(fs.readFileSync(stored.path)).toEqual(pdf());
    expect(stored).toMatchObject({ sizeBytes: pdf().length, warning: null });
    // The same file again is the same stored file; read back, it passes the same checks.
    expect(storeUpload(dataDir, upload(name, pdf()), RULES).ref).toBe(stored.ref);
    expect(storedAttachment(dataDir, stored.ref, RULES)).toEqual(stored);
  });

  it('accepts PNG and JPEG whose content matches, and drops folders from names', () => {
    expect(storeUpload(dataDir, upload('C:\\Users\\accueil\\plan.PNG', PNG), RULES).name).toBe(
      'plan.PNG',
    );
    expect(storeUpload(dataDir, upload('photo.jpeg', JPEG), RULES).name).toBe('photo.jpeg');
    expect(attachmentName('../../etc/menu "été".pdf')).toBe('menu _été_.pdf');
  });

  it('refuses types not allowed, and content that is not what the name says', async () => {
    expect(await codeOf(() => storeUpload(dataDir, upload('virus.exe', pdf()), RULES))).toBe(
      'MAIL_ATTACHMENT_TYPE_REFUSED',
    );
    expect(await codeOf(() => storeUpload(dataDir, upload('sans-extension', pdf()), RULES))).toBe(
      'MAIL_ATTACHMENT_TYPE_REFUSED',
    );
    expect(await codeOf(() => storeUpload(dataDir, upload('photo.png', pdf()), RULES))).toBe(
      'MAIL_ATTACHMENT_TYPE_REFUSED',
    );
    expect(await codeOf(() => storeUpload(dataDir, upload('facture.pdf', PNG), RULES))).toBe(
      'MAIL_ATTACHMENT_TYPE_REFUSED',
    );
    expect(await codeOf(() => storeUpload(dataDir, upload('photo.jpg', PNG), RULES))).toBe(
      'MAIL_ATTACHMENT_TYPE_REFUSED',
    );
    // The administrator allowed PDF only.
    const pdfOnly = { ...RULES, allowedTypes: ['pdf' as const] };
    expect(await codeOf(() => storeUpload(dataDir, upload('plan.png', PNG), pdfOnly))).toBe(
      'MAIL_ATTACHMENT_TYPE_REFUSED',
    );
  });

  it('refuses empty, unreadable and line-breaking uploads', async () => {
    expect(
      await codeOf(() => storeUpload(dataDir, upload('vide.pdf', Buffer.alloc(0)), RULES)),
    ).toBe('MAIL_ATTACHMENT_UNREADABLE');
    const broken = { name: 'coupé.pdf', contentBase64: 'JVBERi0x%%%' };
    expect(await codeOf(() => storeUpload(dataDir, broken, RULES))).toBe(
      'MAIL_ATTACHMENT_UNREADABLE',
    );
    expect(
      await codeOf(() => storeUpload(dataDir, upload('a\r\nX-Evil: 1.pdf', pdf()), RULES)),
    ).toBe('MAIL_HEADER_UNSAFE');
  });

  it('warns above 1 Mo a file and refuses a file above the message limit', async () => {
    const big = storeUpload(dataDir, upload('gazette.pdf', pdf(1.5 * MEGABYTE)), RULES);
    expect(big.warning).toEqual({
      code: 'MAIL_ATTACHMENT_LARGE',
      message: expect.stringContaining('« gazette.pdf » pèse 1,5 Mo') as unknown,
    });
    const small = { ...RULES, maxMessageBytes: MEGABYTE };
    expect(
      await codeOf(() => storeUpload(dataDir, upload('gazette.pdf', pdf(1.5 * MEGABYTE)), small)),
    ).toBe('MAIL_ATTACHMENT_TOO_LARGE');
  });

  it('refuses a stored file that vanished and a reference that leaves the outbox', async () => {
    const stored = storeUpload(dataDir, upload('menu.pdf', pdf(10)), RULES);
    fs.rmSync(stored.path);
    expect(await codeOf(() => storedAttachment(dataDir, stored.ref, RULES))).toBe(
      'MAIL_ATTACHMENT_UNREADABLE',
    );
    expect(await codeOf(() => storedAttachment(dataDir, `${'0'.repeat(64)}-../x.pdf`, RULES))).toBe(
      'MAIL_ATTACHMENT_UNREADABLE',
    );
  });

  it('refuses a message whose files together exceed the limit', async () => {
    const files = [
      { name: 'a.pdf', sizeBytes: 6 * MEGABYTE },
      { name: 'b.pdf', sizeBytes: 4 * MEGABYTE },
    ];
    expect(assertMessageSize(files, RULES)).toBe(10 * MEGABYTE);
    const over = [...files, { name: 'c.pdf', sizeBytes: 1 }];
    expect(await codeOf(() => assertMessageSize(over, RULES))).toBe('MAIL_ATTACHMENT_TOO_LARGE');
  });
});

describe('an invoice’s own attachments', () => {
  let db: Database.Database;
  let file: string;
  let withDebours = 0;
  let without = 0;

  beforeAll(() => {
    const seeded = seededDatabase(tempDir());
    ({ db, file } = seeded);
    seedBillingMonth(db);
    const runId = prepareRun(db, actor(), 1, PERIOD);
    const run = reviewRun(db, 1, PERIOD);
    issueRun(db, actor(), runId, run?.version ?? 0, '2026-10-01');
    const ids = (resident: number) =>
      (db.prepare('SELECT id FROM invoices WHERE resident_id = ?').get(resident) as { id: number })
        .id;
    withDebours = ids(1);
    without = ids(4);
  });

  it('is the invoice PDF, plus the relevé de débours when it has débours, written on demand', async () => {
    const rules = loadMailSettings(db);
    const files = await invoiceAttachments(db, file, withDebours, rules);
    const number = (
      db.prepare('SELECT number FROM invoices WHERE id = ?').get(withDebours) as {
        number: string;
      }
    ).number;
    expect(files.map((f) => [f.kind, f.name])).toEqual([
      ['facture', `Facture ${number}.pdf`],
      ['releve', `Relevé de débours ${number}.pdf`],
    ]);
    for (const f of files) {
      expect(fs.readFileSync(f.path).subarray(0, 5).toString()).toBe('%PDF-');
      expect(f.sizeBytes).toBe(fs.statSync(f.path).size);
      expect(f.warning).toBeNull();
    }
    expect((await invoiceAttachments(db, file, without, rules)).map((f) => f.kind)).toEqual([
      'facture',
    ]);
  });

  it('says « PDF manquant » when the recorded file vanished from the share', async () => {
    const rules = loadMailSettings(db);
    const [facture] = await invoiceAttachments(db, file, without, rules);
    fs.rmSync(facture?.path ?? '');
    expect(await codeOf(() => invoiceAttachments(db, file, without, rules))).toBe('PDF_MISSING');
  });

  it('follows the association’s settings for the warning threshold', async () => {
    saveMailSettings(db, actor(), {
      version: null,
      settings: {
        ...DEFAULT_MAIL_SETTINGS,
        associationAddress: 'factures@tilleuls.example',
        warnFileBytes: 100 * 1024,
        maxMessageBytes: MEGABYTE,
      },
    });
    const rules = loadMailSettings(db);
    expect(rules.warnFileBytes).toBe(100 * 1024);
    const dataDir = tempDir('pli-outbox-');
    const stored = storeUpload(dataDir, upload('plan.pdf', pdf(200 * 1024)), rules);
    expect(stored.warning?.code).toBe('MAIL_ATTACHMENT_LARGE');
  });
});
