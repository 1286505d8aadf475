// The files a message carries: the invoice PDF, the relevé de débours when the invoice has
// débours, and the files the user adds (general: every message of a send; individual: one
// invoice). Added files arrive as uploads (the browser has no paths) and are kept by content in
// this workstation's data folder, `<dataDir>/pieces-jointes/<sha256>-<name>`, never in the
// shared database. The association's mail settings decide what may be attached: allowed types
// (the extension and the content's first bytes must agree), a warning above a size per file, and
// a limit for the whole message.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  MEGABYTE,
  PliError,
  type attachmentWarningSchema,
  type MailSettings,
} from '../../shared/contract';
import { issuedPdfFile } from '../billing/pdfs';
import { sha256, writeOnce } from '../billing/pdf-store';

export type AttachmentRules = Pick<
  MailSettings,
  'maxMessageBytes' | 'warnFileBytes' | 'allowedTypes'
>;
export type AttachmentWarning = z.infer<typeof attachmentWarningSchema>;

export interface StoredAttachment {
  ref: string;
  name: string;
  path: string;
  sizeBytes: number;
  warning: AttachmentWarning | null;
}

export type InvoiceDocumentKind = 'facture' | 'releve';

export interface InvoiceAttachment {
  kind: InvoiceDocumentKind;
  name: string;
  path: string;
  sizeBytes: number;
  warning: AttachmentWarning | null;
}

// First bytes of each type whose content can be recognised. A PDF may start after a few bytes
// of junk (readers accept it within the first kilobyte); Office files are ZIP (docx, xlsx, odt,
// ods) or OLE (doc, xls) containers.
const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAGIC: Record<string, (head: Buffer) => boolean> = {
  pdf: (head) => head.subarray(0, 1024).includes(PDF),
  png: (head) =>
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (head) => head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  jpeg: (head) => head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  docx: (head) => head.subarray(0, 4).equals(ZIP),
  xlsx: (head) => head.subarray(0, 4).equals(ZIP),
  odt: (head) => head.subarray(0, 4).equals(ZIP),
  ods: (head) => head.subarray(0, 4).equals(ZIP),
  doc: (head) => head.subarray(0, 8).equals(OLE),
  xls: (head) => head.subarray(0, 8).equals(OLE),
  txt: (head) => !head.includes(0),
};
const HEAD_BYTES = 1024;

/** "2,4 Mo" / "350 ko", as the French UI writes sizes. */
export function formatSize(bytes: number): string {
  if (bytes >= MEGABYTE) {
    const mo = Math.round((bytes / MEGABYTE) * 10) / 10;
    return `${mo.toLocaleString('fr-FR')} Mo`;
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} ko`;
}

/**
 * A file name as it will travel: no folders, no characters Windows refuses, NFC accents kept.
 * A line break could forge a MIME header: refused where the value is assigned.
 */
export function attachmentName(raw: string): string {
  if (/[\r\n]/.test(raw)) throw new PliError('MAIL_HEADER_UNSAFE', [raw.replace(/[\r\n]+/g, ' ')]);
  const base = raw.normalize('NFC').split(/[\\/]/).at(-1) ?? '';
  const name = base
    // Control characters and what Windows refuses in a file name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .trim()
    .slice(0, 200);
  if (name === '' || /^\.+$/.test(name)) throw new PliError('MAIL_ATTACHMENT_UNREADABLE', [raw]);
  return name;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function sizeWarning(
  name: string,
  sizeBytes: number,
  rules: AttachmentRules,
): AttachmentWarning | null {
  if (sizeBytes <= rules.warnFileBytes) return null;
  return {
    code: 'MAIL_ATTACHMENT_LARGE',
    message: `« ${name} » pèse ${formatSize(sizeBytes)} : au-delà de ${formatSize(rules.warnFileBytes)}, certaines messageries le refusent ou le reçoivent mal. Réduisez-le si vous le pouvez.`,
  };
}

/** Type and size of one file from its name, size and first bytes; throws in French. */
export function checkAttachment(
  name: string,
  sizeBytes: number,
  head: Buffer,
  rules: AttachmentRules,
): AttachmentWarning | null {
  if (sizeBytes === 0) throw new PliError('MAIL_ATTACHMENT_UNREADABLE', [`${name} (fichier vide)`]);
  const extension = extensionOf(name);
  const allowed = (rules.allowedTypes as readonly string[]).includes(extension);
  const matches = MAGIC[extension]?.(head) ?? true;
  if (!allowed || !matches) {
    const why = !allowed
      ? `type « .${extension || '?'} » non autorisé (autorisés : ${rules.allowedTypes.join(', ')})`
      : `le contenu n’est pas un fichier .${extension}`;
    throw new PliError('MAIL_ATTACHMENT_TYPE_REFUSED', [`${name} : ${why}`]);
  }
  if (sizeBytes > rules.maxMessageBytes) {
    throw new PliError('MAIL_ATTACHMENT_TOO_LARGE', [
      `${name} : ${formatSize(sizeBytes)}, limite ${formatSize(rules.maxMessageBytes)} par message`,
    ]);
  }
  return sizeWarning(name, sizeBytes, rules);
}

/** Size and first bytes of a file on disk; a missing or unreadable file is refused. */
export function readHead(file: string, name: string): { sizeBytes: number; head: Buffer } {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const { size } = fs.fstatSync(fd);
      const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
      fs.readSync(fd, head, 0, head.length, 0);
      return { sizeBytes: size, head };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new PliError('MAIL_ATTACHMENT_UNREADABLE', [name], { cause: error });
  }
}

export function outboxFolder(dataDir: string): string {
  return path.join(dataDir, 'pieces-jointes');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const REF = /^([0-9a-f]{64})-([^/\\]{1,200})$/;

/** Keeps an uploaded file in the outbox; the same content and name give the same ref. */
export function storeUpload(
  dataDir: string,
  upload: { name: string; contentBase64: string },
  rules: AttachmentRules,
): StoredAttachment {
  const name = attachmentName(upload.name);
  const text = upload.contentBase64.replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 !== 0) {
    throw new PliError('MAIL_ATTACHMENT_UNREADABLE', [`${name} (transfert incomplet)`]);
  }
  const bytes = Buffer.from(text, 'base64');
  const warning = checkAttachment(name, bytes.length, bytes.subarray(0, HEAD_BYTES), rules);
  const ref = `${sha256(bytes)}-${name}`;
  const file = path.join(outboxFolder(dataDir), ref);
  writeOnce(file, bytes);
  return { ref, name, path: file, sizeBytes: bytes.length, warning };
}

/** A file stored by `storeUpload`, checked again: it may have vanished or the rules changed. */
export function storedAttachment(
  dataDir: string,
  ref: string,
  rules: AttachmentRules,
): StoredAttachment {
  const match = REF.exec(ref);
  const name = match?.[2];
  if (!match || !name || name !== attachmentName(name)) {
    throw new PliError('MAIL_ATTACHMENT_UNREADABLE', [ref]);
  }
  const file = path.join(outboxFolder(dataDir), ref);
  const { sizeBytes, head } = readHead(file, name);
  const warning = checkAttachment(name, sizeBytes, head, rules);
  return { ref, name, path: file, sizeBytes, warning };
}

export function invoiceAttachmentName(kind: InvoiceDocumentKind, number: string): string {
  return kind === 'facture' ? `Facture ${number}.pdf` : `Relevé de débours ${number}.pdf`;
}

/** The invoice's PDF and, when it has débours, its relevé; written first if never written. */
export async function invoiceAttachments(
  db: Database.Database,
  databaseFile: string,
  invoiceId: number,
  rules: AttachmentRules,
): Promise<InvoiceAttachment[]> {
  const row = db
    .prepare(
      `SELECT number, EXISTS (SELECT 1 FROM debours d WHERE d.invoice_id = i.id) AS has_debours
       FROM invoices i WHERE id = ?`,
    )
    .get(invoiceId) as { number: string | null; has_debours: number } | undefined;
  if (!row) throw new PliError('NOT_FOUND');
  const kinds: InvoiceDocumentKind[] = row.has_debours ? ['facture', 'releve'] : ['facture'];
  const result: InvoiceAttachment[] = [];
  for (const kind of kinds) {
    const file = await issuedPdfFile(db, databaseFile, invoiceId, kind);
    const name = invoiceAttachmentName(kind, row.number ?? String(invoiceId));
    const sizeBytes = fs.statSync(file).size;
    result.push({
      kind,
      name,
      path: file,
      sizeBytes,
      warning: sizeWarning(name, sizeBytes, rules),
    });
  }
  return result;
}

/** The whole message against the limit; throws in French when it is over. */
export function assertMessageSize(
  files: readonly { name: string; sizeBytes: number }[],
  rules: AttachmentRules,
): number {
  const total = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  if (total > rules.maxMessageBytes) {
    throw new PliError('MAIL_ATTACHMENT_TOO_LARGE', [
      `${formatSize(total)} de pièces jointes, limite ${formatSize(rules.maxMessageBytes)} par message`,
    ]);
  }
  return total;
}
