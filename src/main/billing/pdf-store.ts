// Issued PDFs live beside the shared database, so every workstation reaches them:
// factures/<facility code>/<YYYY-MM>/<number>.pdf. The database keeps the path relative to
// that folder (each workstation may map the share under another drive letter). A file is
// written once: complete under a temporary name, flushed, then linked to its final name,
// which fails if the name exists, so an issued PDF is never overwritten nor seen half-written.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type PdfDocumentKind = 'facture' | 'releve';

export function invoicesFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'factures');
}

/** Folder names keep letters, digits, '-' and '_': safe on Windows shares and in URLs. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

export function relativePdfPath(
  facilityCode: string,
  period: string,
  number: string,
  kind: PdfDocumentKind,
): string {
  const name = kind === 'facture' ? safeName(number) : `${safeName(number)}-releve-debours`;
  return [safeName(facilityCode), safeName(period), `${name}.pdf`].join('/');
}

export function absolutePdfPath(databaseFile: string, relative: string): string {
  const folder = invoicesFolder(databaseFile);
  const file = path.resolve(folder, ...relative.split('/'));
  // A path read from the shared file must not lead out of the invoices folder.
  if (!file.startsWith(folder + path.sep)) throw new Error(`chemin de PDF refusé : ${relative}`);
  return file;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Links `temp` to `file`; where the share refuses hard links, renames after a last check. */
function publish(temp: string, file: string): boolean {
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') {
      throw error;
    }
    if (fs.existsSync(file)) return false;
    fs.renameSync(temp, file);
    return true;
  }
}

/**
 * Writes `bytes` to `file` unless a file is already there. Returns the hash of what the file
 * holds afterwards: ours, or the one written first (by this or another workstation).
 */
export function writeOnce(file: string, bytes: Uint8Array): { sha256: string; written: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) return { sha256: sha256(fs.readFileSync(file)), written: false };
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${String(process.pid)}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const written = publish(temp, file);
    return { sha256: written ? sha256(bytes) : sha256(fs.readFileSync(file)), written };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
