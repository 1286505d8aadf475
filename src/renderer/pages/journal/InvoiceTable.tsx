// The journal: one row per facture or avoir, its status and its envelope as labelled badges,
// its PDFs. A click on the row (or its Détails button) opens the invoice beside the list.
// Past a few hundred rows only those on screen are in the page (@tanstack/react-virtual), in
// a real table still: the header stays, spacer rows keep the scroll height, and aria-rowcount
// / aria-rowindex tell a screen reader where it is among all the rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type {
  InvoiceRow,
  InvoiceStatus,
  JournalSort,
  JournalSortKey,
} from '../../../shared/contract';
import { formatDateFr, formatEuros } from '../../../shared/money';
import { fr } from '../../i18n/fr';
import { EnvelopeBadge } from './Envelope';
import { PdfButtons } from './PdfButtons';

const t = fr.billing.journal;
const COLUMNS = 8;
/** Below this, every row is in the page (find in page and printing see them all). */
const WINDOWED_FROM = 200;
const ROW_HEIGHT = 56;

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <span className={`badge status status-${status}`} data-status={status}>
      {fr.billing.statuses[status]}
    </span>
  );
}

/** A column header that sorts the journal: a button (mouse or keyboard), aria-sort on the th. */
function SortHeader({
  column,
  label,
  sort,
  onSort,
  className,
}: {
  column: JournalSortKey;
  label: string;
  sort: JournalSort | null | undefined;
  onSort: ((sort: JournalSort) => void) | undefined;
  className?: string;
}) {
  if (!onSort) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const active = sort?.key === column ? sort.direction : null;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
    >
      <button
        type="button"
        className="sort-header"
        onClick={() => onSort({ key: column, direction: active === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {active === 'asc' ? ' ▲' : active === 'desc' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}

export function InvoiceTable({
  rows,
  selected,
  onSelect,
  sort,
  onSort,
}: {
  rows: InvoiceRow[];
  selected: number | null;
  onSelect: (id: number) => void;
  /** The journal's column sort; without onSort the headers are plain. */
  sort?: JournalSort | null;
  onSort?: (sort: JournalSort) => void;
}) {
  const c = t.columns;
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = rows.length >= WINDOWED_FROM;
  // Its functions change identity as it scrolls: React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: windowed,
  });
  if (rows.length === 0) return <p className="placeholder">{t.empty}</p>;

  const items = windowed
    ? virtualizer.getVirtualItems()
    : rows.map((_, index) => ({ index, start: 0, end: 0 }));
  const first = items[0];
  const last = items[items.length - 1];
  const before = windowed && first ? first.start : 0;
  const after = windowed && last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scroller} className={windowed ? 'journal-scroll' : undefined}>
      <table className="table journal-table" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">{t.caption(rows.length)}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <SortHeader column="number" label={c.number} sort={sort} onSort={onSort} />
            <SortHeader column="date" label={c.date} sort={sort} onSort={onSort} />
            <SortHeader column="resident" label={c.resident} sort={sort} onSort={onSort} />
            <SortHeader column="payer" label={c.payer} sort={sort} onSort={onSort} />
            <SortHeader
              column="amount"
              label={c.amount}
              sort={sort}
              onSort={onSort}
              className="num"
            />
            <SortHeader column="status" label={c.status} sort={sort} onSort={onSort} />
            <SortHeader column="envelope" label={fr.envelopes.column} sort={sort} onSort={onSort} />
            <th scope="col">{c.documents}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={COLUMNS} style={{ height: before }} />
            </tr>
          )}
          {items.map(({ index }) => {
            const row = rows[index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                ref={windowed ? virtualizer.measureElement : undefined}
                data-index={index}
                aria-rowindex={index + 2}
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
                  <EnvelopeBadge envelope={row.envelope} />
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
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={COLUMNS} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
