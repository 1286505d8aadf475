// A resident's issued invoices and avoirs, in their record's Facturation tab: the journal's rows
// for this resident (invoices:list with residentId), each with « Voir le PDF » and, for a
// facture that may still go out, « Envoyer par e-mail » — the journal's own dialog, reused.
import { useCallback, useState } from 'react';
import type { InvoiceDetail, InvoiceRow } from '../../../shared/contract';
import { formatDateFr, formatEuros, formatPeriodFr } from '../../../shared/money';
import { client, toContractError, type ContractError } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCall, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frResidentInvoices as t } from '../../i18n/fr-resident-invoices';
import { frSingleSend } from '../../i18n/fr-single-send';
import { useSession } from '../../session/SessionContext';
import { EnvelopeBadge } from '../journal/Envelope';
import { StatusBadge } from '../journal/InvoiceTable';
import { PdfButtons, PdfReportContext, type PdfReport } from '../journal/PdfButtons';
import { SingleSendDialog } from '../journal/SingleSendDialog';

/** As in the journal's panel: an issued facture not cancelled by an avoir. */
const sendable = (row: InvoiceRow) =>
  row.kind === 'facture' && row.status !== 'brouillon' && row.status !== 'annulee';

export function ResidentInvoices({ residentId }: { residentId: number }) {
  const [list, reload] = useCall('invoices:list', {
    facilityId: null,
    period: null,
    search: '',
    includeDrafts: false,
    residentId,
  });
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );
  const { user } = useSession();
  const maySend = user.canBill && user.canSend;
  const [sending, setSending] = useState<InvoiceDetail | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [pdfNotice, setPdfNotice] = useState<Parameters<PdfReport>[0] | null>(null);

  const openSend = async (id: number) => {
    setError(null);
    try {
      setSending(await client.call('invoices:get', { id }));
    } catch (caught) {
      setError(toContractError(caught));
    }
  };

  return (
    <PdfReportContext.Provider value={setPdfNotice}>
      <section className="resident-invoices" aria-label={t.label}>
        <h3>{t.title}</h3>
        {list.status === 'loading' && <p>{fr.loading}</p>}
        {list.status === 'error' && <ErrorNotice error={list.error} />}
        {list.status === 'ok' && list.value.length === 0 && <p className="placeholder">{t.none}</p>}
        {list.status === 'ok' && list.value.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columns.number}</th>
                <th scope="col">{t.columns.period}</th>
                <th scope="col">{t.columns.date}</th>
                <th scope="col" className="num">
                  {t.columns.amount}
                </th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.envelope}</th>
                <th scope="col">{t.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((row) => (
                <tr key={row.id}>
                  <td>{row.number}</td>
                  <td>{formatPeriodFr(row.period)}</td>
                  <td>{row.issueDate ? formatDateFr(row.issueDate) : ''}</td>
                  <td className="num">{formatEuros(row.totalCents)}</td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td>{row.kind === 'facture' && <EnvelopeBadge envelope={row.envelope} />}</td>
                  <td>
                    <PdfButtons invoice={row} />
                    {maySend && sendable(row) && (
                      <button
                        type="button"
                        aria-label={t.sendOf(row.number ?? '')}
                        onClick={() => void openSend(row.id)}
                      >
                        {frSingleSend.open}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pdfNotice &&
          ('opened' in pdfNotice ? (
            <p className="notice notice-ok" role="status">
              {fr.billing.pdf.opened(pdfNotice.opened)}
            </p>
          ) : (
            <ErrorNotice error={toContractError(pdfNotice.error)} />
          ))}
        {error && <ErrorNotice error={error} />}
        {sending && <SingleSendDialog invoice={sending} onClose={() => setSending(null)} />}
      </section>
    </PdfReportContext.Provider>
  );
}
