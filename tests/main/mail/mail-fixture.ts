// A real Pli file with one issued invoice and its three attachment files on disk, for the
// sender and compose tests.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { saveMailSettings } from '../../../src/main/mail/settings';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/shared/contract';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

export const LETTER = 'Lettre d’information – été.pdf';

export interface MailFixture {
  db: Database.Database;
  dir: string;
  invoiceId: number;
  files: { facture: string; releve: string; lettre: string };
  bytes: { facture: Buffer; releve: Buffer; lettre: Buffer };
}

function pdfBytes(label: string, size: number): Buffer {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 31 + label.length) % 256;
  return Buffer.concat([Buffer.from(`%PDF-1.7\n% ${label}\n`), body, Buffer.from('\n%%EOF\n')]);
}

export function mailFixture(): MailFixture {
  const dir = tempDir('pli-mail-');
  const { db } = seededDatabase(dir);
  db.exec(`
    INSERT INTO residents (id, facility_id, civilite, nom, prenom, room, admission_date, search_key,
        created_at, updated_at)
      VALUES (1, 1, 'Mme', 'Lefèvre', 'Éléonore', '12', '2024-03-01', 'lefevre eleonore', '2024-01-01', '2024-01-01');
    INSERT INTO invoices (id, facility_id, resident_id, status, seq, number, period, issue_date,
        due_date, total_cents, created_at)
      VALUES (7, 1, 1, 'issued', 1, 'TIL-2026-0001', '2026-09', '2026-10-01', '2026-10-31', 254300, '2026-10-01');
  `);
  const bytes = {
    facture: pdfBytes('facture', 40_000),
    releve: pdfBytes('releve', 3_000),
    lettre: pdfBytes('lettre', 120_000),
  };
  const files = {
    facture: path.join(dir, 'TIL-2026-0001.pdf'),
    releve: path.join(dir, 'TIL-2026-0001-releve.pdf'),
    lettre: path.join(dir, LETTER),
  };
  for (const key of ['facture', 'releve', 'lettre'] as const)
    fs.writeFileSync(files[key], bytes[key]);
  return { db, dir, invoiceId: 7, files, bytes };
}

export function setMailSettings(db: Database.Database, changes: Partial<MailSettings>): void {
  const current = db.prepare("SELECT value FROM association_settings WHERE key = 'mail'").get() as
    { value: string } | undefined;
  const version = current ? (JSON.parse(current.value) as { version: number }).version : null;
  saveMailSettings(db, actor('POSTE-ADMIN', 1, 'Claire Martin'), {
    version,
    settings: { ...DEFAULT_MAIL_SETTINGS, ...changes },
  });
}

export function attachmentsOf(fixture: MailFixture) {
  return [
    { kind: 'facture' as const, name: 'Facture TIL-2026-0001.pdf', path: fixture.files.facture },
    {
      kind: 'releve' as const,
      name: 'Relevé de débours TIL-2026-0001.pdf',
      path: fixture.files.releve,
    },
    { kind: 'fichier' as const, name: LETTER, path: fixture.files.lettre },
  ];
}
