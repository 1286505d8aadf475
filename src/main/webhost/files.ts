// GET /files/invoices/<id>/<facture|releve>.pdf: an issued invoice's PDF for the browser's own
// viewer, the web host's counterpart of Electron opening it in the system's viewer. The
// token was checked by the server; the file is resolved by the api, inside the invoices folder.
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PliError } from '../../shared/contract';

export type PdfResolver = (id: number, document: 'facture' | 'releve') => Promise<string>;

const ROUTE = /^\/files\/invoices\/(\d{1,12})\/(facture|releve)\.pdf$/;

export function isFileRoute(pathname: string): boolean {
  return ROUTE.test(pathname);
}

export async function serveInvoicePdf(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  resolve: PdfResolver,
): Promise<void> {
  const [, id = '', document = 'facture'] = ROUTE.exec(pathname) ?? [];
  await servePdf(req, res, () => resolve(Number(id), document as 'facture' | 'releve'));
}

/** GET /files/reminders/<name>.pdf: printed relances, kept in this workstation's data folder. */
export type ReminderPdfResolver = (name: string) => Promise<string>;

const REMINDER_ROUTE = /^\/files\/reminders\/([A-Za-z0-9-]{1,80}\.pdf)$/;

export function isReminderRoute(pathname: string): boolean {
  return REMINDER_ROUTE.test(pathname);
}

export async function serveReminderPdf(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  resolve: ReminderPdfResolver,
): Promise<void> {
  const [, name = ''] = REMINDER_ROUTE.exec(pathname) ?? [];
  await servePdf(req, res, () => resolve(name));
}

async function servePdf(
  req: IncomingMessage,
  res: ServerResponse,
  resolve: () => Promise<string>,
): Promise<void> {
  try {
    const file = await resolve();
    const bytes = await fs.readFile(file);
    res.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': bytes.length,
      'Content-Disposition': `inline; filename="${path.basename(file)}"`,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  } catch (error) {
    const known = error instanceof PliError ? error : new PliError('PDF_MISSING');
    const status = known.code === 'AUTH_REQUIRED' ? 401 : 404;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(known.message);
  }
}
