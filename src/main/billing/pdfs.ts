// Writes the PDFs of issued invoices that do not have them yet, outside any transaction
// (rendering takes milliseconds per invoice; DESIGN rule 2 forbids holding the file's lock
// across it), then records paths and hashes in short write transactions. Run again after a
// crash or a share that vanished, it finishes the job without rewriting what exists.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { PliError } from '../../shared/contract';
import { write } from '../db/tx';
import { renderDeboursPdf } from '../pdf/debours-pdf';
import { renderInvoicePdf } from '../pdf/invoice-pdf';
import { loadIssuedDocuments } from './documents';
import { absolutePdfPath, type PdfDocumentKind, relativePdfPath, writeOnce } from './pdf-store';

interface Recorded {
  id: number;
  path: string;
  sha: string;
  deboursPath: string | null;
  deboursSha: string | null;
}

const BATCH = 100;

/** Issued invoices among `ids` whose PDF (or relevé de débours) is not recorded yet. */
function pending(db: Database.Database, ids: readonly number[]): number[] {
  const rows = db
    .prepare(
      `SELECT i.id FROM invoices i WHERE i.id IN (SELECT value FROM json_each(?))
         AND i.status = 'issued'
         AND (i.pdf_sha256 IS NULL OR (i.debours_pdf_sha256 IS NULL
              AND EXISTS (SELECT 1 FROM debours d WHERE d.invoice_id = i.id)))
       ORDER BY i.id`,
    )
    .all(JSON.stringify(ids)) as { id: number }[];
  return rows.map((row) => row.id);
}

function record(db: Database.Database, done: Recorded[]): void {
  if (done.length === 0) return;
  write(db, () => {
    const update = db.prepare(
      `UPDATE invoices SET pdf_path = ?, pdf_sha256 = ?,
         debours_pdf_path = COALESCE(debours_pdf_path, ?),
         debours_pdf_sha256 = COALESCE(debours_pdf_sha256, ?)
       WHERE id = ? AND pdf_sha256 IS NULL OR id = ? AND pdf_sha256 = ?`,
    );
    for (const r of done) {
      update.run(r.path, r.sha, r.deboursPath, r.deboursSha, r.id, r.id, r.sha);
    }
  });
  done.length = 0;
}

/** Writes what is missing; returns how many invoices got their PDFs. */
export async function writeMissingPdfs(
  db: Database.Database,
  databaseFile: string,
  ids: readonly number[],
): Promise<number> {
  const todo = pending(db, ids);
  const done: Recorded[] = [];
  let count = 0;
  try {
    for (const id of todo) {
      const docs = loadIssuedDocuments(db, id);
      const store = async (kind: PdfDocumentKind, bytes: Promise<Uint8Array>) => {
        const relative = relativePdfPath(docs.facilityCode, docs.period, docs.number, kind);
        const file = absolutePdfPath(databaseFile, relative);
        return { path: relative, sha: writeOnce(file, await bytes).sha256 };
      };
      const invoice = await store('facture', renderInvoicePdf(docs.invoice));
      const releve = docs.debours ? await store('releve', renderDeboursPdf(docs.debours)) : null;
      done.push({
        id,
        path: invoice.path,
        sha: invoice.sha,
        deboursPath: releve?.path ?? null,
        deboursSha: releve?.sha ?? null,
      });
      count++;
      if (done.length >= BATCH) record(db, done);
    }
  } catch (error) {
    // What was written is kept and recorded; the rest waits for the next attempt.
    record(db, done);
    if (error instanceof PliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PliError('PDF_WRITE_FAILED', code ? [code] : undefined, { cause: error });
  }
  record(db, done);
  return count;
}

/** The file of an issued invoice's PDF, written first if it is still missing. */
export async function issuedPdfFile(
  db: Database.Database,
  databaseFile: string,
  invoiceId: number,
  kind: PdfDocumentKind,
): Promise<string> {
  await writeMissingPdfs(db, databaseFile, [invoiceId]);
  const row = db
    .prepare('SELECT status, pdf_path, debours_pdf_path FROM invoices WHERE id = ?')
    .get(invoiceId) as
    { status: string; pdf_path: string | null; debours_pdf_path: string | null } | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  if (row.status !== 'issued') throw new PliError('INVOICE_NOT_ISSUED');
  const relative = kind === 'facture' ? row.pdf_path : row.debours_pdf_path;
  const file = relative && absolutePdfPath(databaseFile, relative);
  if (!file || !fs.existsSync(file)) throw new PliError('PDF_MISSING', relative ? [relative] : []);
  return file;
}
