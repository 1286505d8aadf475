// One invoice or avoir opened from the journal: its lines (with what avoirs already gave
// back), its avoirs, its PDFs, its emails (every message row), and for an issued facture
// "Établir un avoir".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvoiceDetail as Detail } from '../../../shared/contract';
import { formatDateFr, formatEuros, formatPeriodFr, formatQuantity } from '../../../shared/money';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCall, useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frSingleSend } from '../../i18n/fr-single-send';
import { useSession } from '../../session/SessionContext';
import { CreditNoteDialog } from './CreditNoteDialog';
import { EnvelopeBadge, MessageHistory } from './Envelope';
import { StatusBadge } from './InvoiceTable';
import { PdfButtons } from './PdfButtons';
import { SingleSendDialog } from './SingleSendDialog';

const t = fr.billing.detail;

const creditable = (invoice: Detail) =>
  invoice.kind === 'facture' &&
  invoice.status !== 'brouillon' &&
  invoice.lines.some((line) => line.quantity > line.creditedQuantity);

/** « Envoyer par e-mail »: an issued facture not cancelled (paid ones may be sent again). */
const sendable = (invoice: Detail) =>
  invoice.kind === 'facture' && invoice.status !== 'brouillon' && invoice.status !== 'annulee';

export function InvoiceDetail({
  id,
  canBill,
  onOpen,
  onClose,
  onChanged,
}: {
  id: number;
  canBill: boolean;
  onOpen: (id: number) => void;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [state, reload] = useCall('invoices:get', { id });
  const [crediting, setCrediting] = useState(false);
  const [sending, setSending] = useState(false);
  const { user } = useSession();
  const maySend = canBill && user.canSend;
  const [credited, setCredited] = useState<Detail | null>(null);
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );
  // Opened from a row far down the journal: bring it into view, and the keyboard with it.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = state.status === 'ok';
  useEffect(() => {
    if (!loaded) return;
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  if (state.status === 'loading') return <p role="status">{fr.loading}</p>;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const invoice = state.value;
  const c = t.columns;
  const title = t.title(invoice.kind, invoice.number);
  const mayCredit = canBill && creditable(invoice);
  const maySendThis = maySend && sendable(invoice);
  return (
    <section className="invoice-detail" aria-label={t.label}>
      <div className="detail-header">
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <StatusBadge status={invoice.status} />
        <EnvelopeBadge envelope={invoice.envelope} />
        <button type="button" className="close" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <dl className="run-facts">
        <dt>{t.period}</dt>
        <dd>{formatPeriodFr(invoice.period)}</dd>
        <dt>{t.payer}</dt>
        <dd>{[invoice.payerName, ...invoice.payerAddress].filter(Boolean).join(', ')}</dd>
        {invoice.dueDate && (
          <>
            <dt>{t.due}</dt>
            <dd>{formatDateFr(invoice.dueDate)}</dd>
          </>
        )}
        {invoice.kind === 'facture' && invoice.paidCents !== 0 && (
          <>
            <dt>{t.paid}</dt>
            <dd>{formatEuros(invoice.paidCents)}</dd>
          </>
        )}
      </dl>
      {invoice.kind === 'avoir' && invoice.creditedNumber && (
        <p>{t.credits(invoice.creditedNumber)}</p>
      )}
      <PdfButtons invoice={invoice} />
      <table className="table lines">
        <caption>{t.linesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.label}</th>
            <th scope="col" className="num">
              {c.quantity}
            </th>
            <th scope="col" className="num">
              {c.unit}
            </th>
            <th scope="col" className="num">
              {c.amount}
            </th>
            {invoice.kind === 'facture' && (
              <th scope="col" className="num">
                {c.credited}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.position}>
              <th scope="row">{line.label}</th>
              <td className="num">{formatQuantity(line.quantity)}</td>
              <td className="num">{formatEuros(line.unitCents)}</td>
              <td className="num">{formatEuros(line.amountCents)}</td>
              {invoice.kind === 'facture' && (
                <td className="num">
                  {line.creditedQuantity > 0 ? formatQuantity(line.creditedQuantity) : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {fr.billing.run.total}
            </th>
            <td className="num">{formatEuros(invoice.totalCents)}</td>
            {invoice.kind === 'facture' && <td />}
          </tr>
        </tfoot>
      </table>
      {invoice.kind === 'facture' && (
        <>
          <h3>{t.creditNotes}</h3>
          {invoice.creditNotes.length === 0 ? (
            <p className="placeholder">{t.noCreditNotes}</p>
          ) : (
            <ul className="plain-list">
              {invoice.creditNotes.map((note) => (
                <li key={note.id}>
                  <button type="button" className="link" onClick={() => onOpen(note.id)}>
                    {t.title('avoir', note.number)}
                  </button>{' '}
                  {formatEuros(note.totalCents)}{' '}
                  <PdfButtons invoice={{ ...note, hasPdf: true, hasDeboursPdf: false }} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {invoice.status !== 'brouillon' && <MessageHistory messages={invoice.messages} />}
      {credited && (
        <p className="notice notice-ok" role="status">
          {t.credited(credited.number, credited.totalCents)}
        </p>
      )}
      {(mayCredit || maySendThis) && (
        <div className="actions">
          {maySendThis && (
            <button type="button" className="primary" onClick={() => setSending(true)}>
              {frSingleSend.open}
            </button>
          )}
          {mayCredit && (
            <button type="button" className="primary" onClick={() => setCrediting(true)}>
              {t.createCredit}
            </button>
          )}
        </div>
      )}
      {sending && <SingleSendDialog invoice={invoice} onClose={() => setSending(false)} />}
      {crediting && (
        <CreditNoteDialog
          invoice={invoice}
          onClose={() => setCrediting(false)}
          onCredited={(note) => {
            setCrediting(false);
            setCredited(note);
            reload();
            onChanged();
          }}
        />
      )}
    </section>
  );
}
