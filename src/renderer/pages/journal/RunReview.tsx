// The review of a draft month: this month against the previous one (count, total,
// difference), arrivals and departures, problems, and each draft beside last month's amount.
import type { BillingRun } from '../../../shared/contract';
import { formatEuros } from '../../../shared/money';
import { fr } from '../../i18n/fr';

const t = fr.billing.run;

/** `+12,00 €` / `−3,50 €` / `0,00 €`: the sign is said, not only coloured. */
export function formatDifference(cents: number): string {
  if (cents === 0) return formatEuros(0);
  return `${cents > 0 ? '+' : '−'}${formatEuros(Math.abs(cents))}`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function RunReview({ run }: { run: BillingRun }) {
  const c = t.columns;
  const countDiff = run.invoiceCount - run.previous.invoiceCount;
  const totalDiff = run.totalCents - run.previous.totalCents;
  return (
    <div className="run-review">
      <h3>{t.reviewTitle}</h3>
      <table className="table comparison">
        <thead>
          <tr>
            <td />
            <th scope="col">{t.thisMonth}</th>
            <th scope="col">{t.previousMonth}</th>
            <th scope="col">{t.difference}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.count}</th>
            <td className="num">{run.invoiceCount}</td>
            <td className="num">{run.previous.invoiceCount}</td>
            <td className={countDiff === 0 ? 'num' : 'num diff-changed'}>{signed(countDiff)}</td>
          </tr>
          <tr>
            <th scope="row">{t.total}</th>
            <td className="num">{formatEuros(run.totalCents)}</td>
            <td className="num">{formatEuros(run.previous.totalCents)}</td>
            <td className={totalDiff === 0 ? 'num' : 'num diff-changed'}>
              {formatDifference(totalDiff)}
            </td>
          </tr>
        </tbody>
      </table>
      <dl className="run-facts">
        <dt>{t.newResidents}</dt>
        <dd data-testid="new-residents">{run.newResidents}</dd>
        <dt>{t.goneResidents}</dt>
        <dd>{run.goneResidents.length > 0 ? run.goneResidents.join(', ') : t.nobody}</dd>
      </dl>
      {run.problems.length > 0 && (
        <div className="notice notice-warning">
          <h4>{t.problems}</h4>
          <ul>
            {run.problems.map((problem, i) => (
              <li key={i}>
                <strong>{problem.residentName}</strong> : {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="drafts-scroll">
        <table className="table drafts">
          <caption>{t.draftsCaption(run.invoiceCount)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.resident}</th>
              <th scope="col">{c.room}</th>
              <th scope="col">{c.payer}</th>
              <th scope="col" className="num">
                {c.total}
              </th>
              <th scope="col" className="num">
                {c.previous}
              </th>
              <th scope="col" className="num">
                {c.difference}
              </th>
            </tr>
          </thead>
          <tbody>
            {run.invoices.map((invoice) => {
              const diff =
                invoice.previousCents === null ? null : invoice.totalCents - invoice.previousCents;
              return (
                <tr key={invoice.invoiceId} className={diff === 0 ? undefined : 'diff-row'}>
                  <th scope="row">{invoice.residentName}</th>
                  <td>{invoice.room}</td>
                  <td>{invoice.payerName}</td>
                  <td className="num">{formatEuros(invoice.totalCents)}</td>
                  <td className="num">
                    {invoice.previousCents === null ? '' : formatEuros(invoice.previousCents)}
                  </td>
                  <td className="num">
                    {diff === null ? (
                      <span className="badge badge-warning">{t.newBadge}</span>
                    ) : (
                      <span className={diff === 0 ? undefined : 'diff-changed'}>
                        {formatDifference(diff)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
