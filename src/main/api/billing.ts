// billing:* (the monthly run) and invoices:* (journal, avoirs, PDFs). Everyone signed in reads;
// preparing, issuing and crediting need the billing right (admin, facturation).
import type { z } from 'zod';
import type {
  billingRunInputSchema,
  creditNoteInputSchema,
  invoiceListInputSchema,
  invoicePdfInputSchema,
  invoiceWindowInputSchema,
  issueRunInputSchema,
} from '../../shared/contract';
import { PliError } from '../../shared/contract';
import { createCreditNote } from '../billing/credit';
import { getInvoice, listInvoices } from '../billing/journal';
import { invoiceWindow } from '../billing/journal-window';
import { issuedPdfFile, writeMissingPdfs } from '../billing/pdfs';
import { issueRun, prepareRun } from '../billing/run';
import { reviewRun } from '../billing/review';
import type { AppContext } from '../context';

type In<S extends z.ZodType> = z.output<S>;

export function billingHandlers(context: AppContext) {
  const db = () => {
    context.session.require();
    return context.db.connection();
  };
  const file = () => context.db.path;
  /** Writes the PDFs still missing, then says so if the share refused them. */
  const pdfs = async (ids: number[]) => {
    try {
      await writeMissingPdfs(db(), file(), ids);
    } finally {
      context.db.changed();
    }
  };
  const runIds = (runId: number) =>
    (
      db().prepare('SELECT id FROM invoices WHERE billing_run_id = ?').all(runId) as {
        id: number;
      }[]
    ).map((row) => row.id);

  return {
    'billing:run': async ({ facilityId, period }: In<typeof billingRunInputSchema>) => {
      const run = reviewRun(db(), facilityId, period);
      // An earlier issue left PDFs unwritten (share unreachable): finish it now.
      if (run?.status === 'issued' && run.missingPdfs > 0 && context.session.require().canBill) {
        await pdfs(runIds(run.runId));
        return reviewRun(db(), facilityId, period);
      }
      return run;
    },
    'billing:prepare': async ({ facilityId, period }: In<typeof billingRunInputSchema>) => {
      context.session.requireBillingRight();
      prepareRun(db(), context.session.actor(), facilityId, period);
      context.db.changed();
      const run = reviewRun(db(), facilityId, period);
      if (!run) throw new PliError('NOT_FOUND');
      return run;
    },
    'billing:issue': async ({ runId, version, issueDate }: In<typeof issueRunInputSchema>) => {
      context.session.requireBillingRight();
      const ids = issueRun(db(), context.session.actor(), runId, version, issueDate);
      context.db.changed();
      await pdfs(ids);
      const { facility_id: facilityId, period } = db()
        .prepare('SELECT facility_id, period FROM billing_runs WHERE id = ?')
        .get(runId) as { facility_id: number; period: string };
      const run = reviewRun(db(), facilityId, period);
      if (!run) throw new PliError('NOT_FOUND');
      return run;
    },
    'invoices:list': async (filter: In<typeof invoiceListInputSchema>) =>
      listInvoices(db(), filter),
    'invoices:window': async ({ offset, limit, ...filter }: In<typeof invoiceWindowInputSchema>) =>
      invoiceWindow(db(), filter, offset, limit),
    'invoices:get': async ({ id }: { id: number }) => getInvoice(db(), id),
    'invoices:credit': async (request: In<typeof creditNoteInputSchema>) => {
      context.session.requireBillingRight();
      const id = createCreditNote(db(), context.session.actor(), request);
      context.db.changed();
      await pdfs([id]);
      return getInvoice(db(), id);
    },
    'invoices:pdf': async ({ id, document }: In<typeof invoicePdfInputSchema>) => {
      const pdf = await issuedPdfFile(db(), file(), id, document);
      const fileName = pdf.split(/[\\/]/).at(-1) ?? 'facture.pdf';
      if (context.openFile) {
        await context.openFile(pdf);
        return { opened: true, url: null, fileName };
      }
      return { opened: false, url: `/files/invoices/${String(id)}/${document}.pdf`, fileName };
    },
  };
}
