// The journal: one row per facture or avoir, its status as a labelled badge, its PDFs. A
// click on the row (or its Détails button) opens the invoice beside the list.
import type { InvoiceRow, InvoiceStatus } from '../../../shared/contract';
import { formatDateFr, formatEuros } from '../../../shared/money';
import { fr } from '../../i18n/fr';
import { PdfButtons } from './PdfButtons';

const t = fr.billing.journal;

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <span className={`badge status status-${status}`} data-status={status}>
      {fr.billing.statuses[status]}
    </span>
  );
}

export function InvoiceTable({
  rows,
  selected,
  onSelect,
}: {
  rows: InvoiceRow[];
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const c = t.columns;
  if (rows.length === 0) return <p className="placeholder">{t.empty}</p>;
  return (
    <table className="table journal-table">
      <caption className="sr-only">{t.caption(rows.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{c.number}</th>
          <th scope="col">{c.date}</th>
          <th scope="col">{c.resident}</th>
          <th scope="col">{c.payer}</th>
          <th scope="col" className="num">
            {c.amount}
          </th>
          <th scope="col">{c.status}</th>
          <th scope="col">{c.documents}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className={row.id === selected ? 'selected clickable' : 'clickable'}
            onClick={() => onSelect(row.id)}
          >
            <th scope="row">{row.number ?? t.noNumber}</th>
            <td>{row.issueDate ? formatDateFr(row.issueDate) : ''}</td>
            <td>{row.residentName}</td>
            <td>{row.payerName}</td>
            <td className="num">{formatEuros(row.totalCents)}</td>
            <td>
              <StatusBadge status={row.status} />
              {row.kind === 'avoir' && row.creditedNumber && (
                <small className="muted"> {t.creditOf(row.creditedNumber)}</small>
              )}
            </td>
            <td>
              <div className="journal-actions">
                <button
                  type="button"
                  aria-label={t.detailsOf(row.number ?? row.residentName)}
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelect(row.id);
                  }}
                >
                  {t.details}
                </button>
                <PdfButtons invoice={row} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
