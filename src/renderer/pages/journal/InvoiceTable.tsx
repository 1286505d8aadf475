// The journal: one row per facture or avoir, its status and its envelope as labelled badges,
// its PDFs. A click on the row (or its Détails button) opens the invoice beside the list.
// Past a few hundred rows only those on screen are in the page (@tanstack/react-virtual), in
// a real table still: the header stays, spacer rows keep the scroll height of every row of
// the list (all 250,000 of the network if asked), rows not loaded yet are busy placeholders,
// and aria-rowcount / aria-rowindex tell a screen reader where it is among all the rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
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
  total,
  rowAt,
  onVisible,
  loading = false,
  scrollKey,
  selected,
  onSelect,
  sort,
  onSort,
}: {
  /** Every row of the list, loaded or not: the scroll extent and aria-rowcount. */
  total: number;
  /** The row at an index, or undefined while its window loads (a placeholder row). */
  rowAt: (index: number) => InvoiceRow | undefined;
  /** Which rows are on screen, for their windows to be fetched. */
  onVisible: (first: number, last: number) => void;
  /** Some row on screen is still loading. */
  loading?: boolean;
  /** Back to the first row when this changes (other filters or sort). */
  scrollKey: string;
  selected: number | null;
  onSelect: (id: number) => void;
  /** The journal's column sort; without onSort the headers are plain. */
  sort?: JournalSort | null;
  onSort?: (sort: JournalSort) => void;
}) {
  const c = t.columns;
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = total >= WINDOWED_FROM;
  // Its functions change identity as it scrolls: React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: windowed,
  });
  const items = windowed
    ? virtualizer.getVirtualItems()
    : Array.from({ length: total }, (_, index) => ({ index, start: 0, end: 0 }));
  const first = items[0];
  const last = items[items.length - 1];
  const firstIndex = first?.index ?? 0;
  const lastIndex = last?.index ?? 0;
  useEffect(() => onVisible(firstIndex, lastIndex), [onVisible, firstIndex, lastIndex]);
  // Rows wrap to different heights, known only once loaded and measured, so the last window's
  // rows push the end of the list away as they arrive. Once the user has reached the end (End,
  // wheel, scrollbar), keep it in view until they scroll up themselves: only their own input
  // (wheel up, keys, pointer) lets go, never the adjustments made while rows are measured.
  const follow = useRef({ end: false, pointer: false });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && follow.current.end && !follow.current.pointer) {
      element.scrollTop = element.scrollHeight;
    }
  });
  useEffect(() => {
    follow.current.end = false;
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [scrollKey]);
  const scrollHandlers = {
    onScroll: () => {
      const element = scroller.current;
      // Near enough: the rows measured meanwhile may already have moved the end a little.
      const left = element ? element.scrollHeight - element.scrollTop - element.clientHeight : 1e9;
      if (left <= 2 * ROW_HEIGHT) follow.current.end = true;
    },
    onWheel: (event: React.WheelEvent) => {
      if (event.deltaY < 0) follow.current.end = false;
    },
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'End') follow.current.end = true;
      if (['ArrowUp', 'PageUp', 'Home'].includes(event.key)) follow.current.end = false;
    },
    onPointerDown: () => {
      follow.current = { end: false, pointer: true };
    },
    onPointerUp: () => {
      follow.current.pointer = false;
    },
  };
  if (total === 0) return <p className="placeholder">{t.empty}</p>;

  const before = windowed && first ? first.start : 0;
  const after = windowed && last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    // Focusable so that the keyboard scrolls it (arrows, Page suivante, Début, Fin) and a
    // screen reader names it; a window too long for the page gets its own scrollbar.
    <div
      ref={scroller}
      className={windowed ? 'journal-scroll' : undefined}
      role={windowed ? 'region' : undefined}
      aria-label={windowed ? t.scroller : undefined}
      tabIndex={windowed ? 0 : undefined}
      {...(windowed ? scrollHandlers : {})}
    >
      <table className="table journal-table" aria-rowcount={total + 1} aria-busy={loading}>
        <caption className="sr-only">{t.caption(total)}</caption>
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
            const row = rowAt(index);
            if (!row) {
              return (
                <tr
                  key={`loading-${String(index)}`}
                  ref={windowed ? virtualizer.measureElement : undefined}
                  data-index={index}
                  aria-rowindex={index + 2}
                  aria-busy="true"
                  className="loading"
                >
                  <td colSpan={COLUMNS}>{t.loadingRow(index + 1)}</td>
                </tr>
              );
            }
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
