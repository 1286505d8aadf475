// "Voir le PDF" and "Relevé de débours": Electron opens the file in the system's viewer; the
// browser opens the web host's address in a new tab (the token cookie goes with it).
import { createContext, useContext } from 'react';
import type { InvoiceRow } from '../../../shared/contract';
import { client } from '../../client';
import { fr } from '../../i18n/fr';

const t = fr.billing.pdf;

export type PdfDocument = 'facture' | 'releve';

/** What happened, for the page's one status line: the file opened, or the error. */
export type PdfReport = (outcome: { opened: string } | { error: unknown }) => void;

export const PdfReportContext = createContext<PdfReport>(() => undefined);

export async function openPdf(id: number, document: PdfDocument, report: PdfReport) {
  try {
    const pdf = await client.call('invoices:pdf', { id, document });
    if (pdf.opened) report({ opened: pdf.fileName });
    else if (pdf.url) window.open(pdf.url, '_blank', 'noopener');
  } catch (error) {
    report({ error });
  }
}

export function PdfButtons({
  invoice,
}: {
  invoice: Pick<InvoiceRow, 'id' | 'number' | 'hasPdf' | 'hasDeboursPdf'>;
}) {
  const report = useContext(PdfReportContext);
  if (!invoice.hasPdf) return null;
  const number = invoice.number ?? '';
  return (
    <span className="pdf-buttons">
      <button
        type="button"
        aria-label={t.invoiceOf(number)}
        onClick={(event) => {
          event.stopPropagation();
          void openPdf(invoice.id, 'facture', report);
        }}
      >
        {t.invoice}
      </button>
      {invoice.hasDeboursPdf && (
        <button
          type="button"
          aria-label={t.releveOf(number)}
          onClick={(event) => {
            event.stopPropagation();
            void openPdf(invoice.id, 'releve', report);
          }}
        >
          {t.releve}
        </button>
      )}
    </span>
  );
}
