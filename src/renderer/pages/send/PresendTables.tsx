// The pre-send check as tables: the counts per reason, the invoices that will go (ticked, with
// tick all / none) and those that will not, each with its reason in French; an invoice already
// sent can be ticked to go again. « Aperçu » on any row opens the message it would be.
import type { ReactNode } from 'react';
import type { Presend, PresendInvoice, PresendReason } from '../../../shared/contract';
import { formatEuros } from '../../../shared/money';
import { formatSize, frSend } from '../../i18n/fr-send';

const t = frSend;
const c = t.columns;

export function PresendSummary({ check }: { check: Presend }) {
  const reasons = (Object.keys(t.reasons) as PresendReason[]).filter((r) => check.counts[r] > 0);
  return (
    <ul className="send-summary" aria-label={t.summary.label}>
      <li data-reason="ready">
        <strong>{t.summary.ready(check.counts.ready)}</strong>
      </li>
      {check.excluded.length > 0 && (
        <li data-reason="excluded">{t.summary.excluded(check.excluded.length)} :</li>
      )}
      {reasons.map((reason) => (
        <li key={reason} data-reason={reason}>
          <span className="badge badge-warning">{t.reasons[reason]}</span> {check.counts[reason]}
        </li>
      ))}
    </ul>
  );
}

function Addresses({ row }: { row: PresendInvoice }) {
  return (
    <ul className="send-cell-list">
      {row.recipients.map((r) => (
        <li key={r.address}>
          {r.address} {r.name && <small className="muted">({r.name})</small>}
        </li>
      ))}
      {row.skipped.map((s) => (
        <li key={s.address} className="muted">
          <s>{s.address}</s> <small>{t.reasons[s.reason]}</small>
        </li>
      ))}
    </ul>
  );
}

function Attachments({ row }: { row: PresendInvoice }) {
  return (
    <ul className="send-cell-list">
      {row.attachments.map((a) => (
        <li key={`${a.kind}:${a.name}`}>
          {a.name}{' '}
          <small className={a.sizeBytes === null || a.warning ? 'warn' : 'muted'}>
            ({a.sizeBytes === null ? t.missingFile : formatSize(a.sizeBytes)})
          </small>
        </li>
      ))}
    </ul>
  );
}

interface RowProps {
  row: PresendInvoice;
  ticked: boolean;
  /** null: no tick box (the invoice cannot go). */
  tickLabel: string | null;
  onTick: () => void;
  readOnly: boolean;
  previewed: boolean;
  onPreview: () => void;
  /** The row's own files and « Joindre » (ready rows). */
  own?: ReactNode;
}

function Row({ row, ticked, tickLabel, onTick, readOnly, previewed, onPreview, own }: RowProps) {
  return (
    <tr className={previewed ? 'selected' : undefined} data-invoice={row.number}>
      <td>
        {tickLabel && (
          <input
            type="checkbox"
            aria-label={tickLabel}
            checked={ticked}
            disabled={readOnly}
            onChange={onTick}
          />
        )}
      </td>
      <th scope="row">{row.number}</th>
      <td>{row.residentName}</td>
      <td>
        <Addresses row={row} />
      </td>
      <td>
        <Attachments row={row} />
        {own}
      </td>
      <td className="num">{formatEuros(row.totalCents)}</td>
      <td>
        {row.lastSentAt ? t.sentOn(row.lastSentAt) : <span className="muted">{t.notSent}</span>}
      </td>
      {row.reason !== null && (
        <td>
          <span className="badge badge-warning" data-reason={row.reason}>
            {t.reasons[row.reason]}
          </span>
          <p className="send-reason">{row.message}</p>
        </td>
      )}
      <td>
        <button type="button" aria-label={t.previewRow(row.number)} onClick={onPreview}>
          {c.preview}
        </button>
      </td>
    </tr>
  );
}

function Head({ reason }: { reason: boolean }) {
  return (
    <thead>
      <tr>
        <th scope="col">{c.send}</th>
        <th scope="col">{c.number}</th>
        <th scope="col">{c.resident}</th>
        <th scope="col">{c.addresses}</th>
        <th scope="col">{c.attachments}</th>
        <th scope="col" className="num">
          {c.amount}
        </th>
        <th scope="col">{c.lastSent}</th>
        {reason && <th scope="col">{c.reason}</th>}
        <th scope="col">
          <span className="sr-only">{c.preview}</span>
        </th>
      </tr>
    </thead>
  );
}

export interface TableProps {
  rows: PresendInvoice[];
  /** Ready rows: unticked ones; excluded rows: the ones ticked to go again. */
  marked: ReadonlySet<number>;
  onMark: (ids: number[], marked: boolean) => void;
  readOnly: boolean;
  previewId: number | null;
  onPreview: (row: PresendInvoice) => void;
  /** A ready row's own files and « Joindre ». */
  renderOwn?: (row: PresendInvoice) => ReactNode;
}

export function ReadyTable({
  rows,
  marked,
  onMark,
  readOnly,
  previewId,
  onPreview,
  renderOwn,
}: TableProps) {
  if (rows.length === 0) return <p className="placeholder">{t.readyEmpty}</p>;
  const ids = rows.map((row) => row.invoiceId);
  const ticked = ids.filter((id) => !marked.has(id)).length;
  return (
    <>
      <div className="send-tick-bar">
        <button type="button" disabled={readOnly} onClick={() => onMark(ids, false)}>
          {t.tickAll}
        </button>
        <button type="button" disabled={readOnly} onClick={() => onMark(ids, true)}>
          {t.tickNone}
        </button>
        <span role="status">{t.ticked(ticked, rows.length)}</span>
      </div>
      <table className="table send-table" aria-labelledby="send-ready-title">
        <Head reason={false} />
        <tbody>
          {rows.map((row) => (
            <Row
              key={row.invoiceId}
              row={row}
              ticked={!marked.has(row.invoiceId)}
              tickLabel={t.tickRow(row.number)}
              onTick={() => onMark([row.invoiceId], !marked.has(row.invoiceId))}
              readOnly={readOnly}
              previewed={row.invoiceId === previewId}
              onPreview={() => onPreview(row)}
              own={renderOwn?.(row)}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Only « déjà envoyée » alone can be overridden: the other reasons need a fix first. */
export const canResend = (row: PresendInvoice) =>
  row.reasons.length === 1 && row.reason === 'already_sent';

export function ExcludedTable({
  rows,
  marked,
  onMark,
  readOnly,
  previewId,
  onPreview,
}: TableProps) {
  return (
    <table className="table send-table" aria-labelledby="send-excluded-title">
      <Head reason={true} />
      <tbody>
        {rows.map((row) => (
          <Row
            key={row.invoiceId}
            row={row}
            ticked={marked.has(row.invoiceId)}
            tickLabel={canResend(row) ? t.resendRow(row.number) : null}
            onTick={() => onMark([row.invoiceId], !marked.has(row.invoiceId))}
            readOnly={readOnly}
            previewed={row.invoiceId === previewId}
            onPreview={() => onPreview(row)}
          />
        ))}
      </tbody>
    </table>
  );
}
