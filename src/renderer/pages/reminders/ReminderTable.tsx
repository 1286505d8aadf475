// The overdue payers as a table: tick box, payer, resident, facility, the unpaid invoices with
// their due dates, what is left to pay, days late, the level already reached and the one this
// reminder will be; in email mode the addresses too, or, for the payers that cannot be reached
// by email, the reason instead of a tick box.
import type { OverduePayer } from '../../../shared/contract';
import { formatDateFr, formatEuros } from '../../../shared/money';
import { frReminders } from '../../i18n/fr-reminders';

const t = frReminders;
const c = t.columns;

export interface ReminderTableProps {
  labelledBy: string;
  payers: OverduePayer[];
  email: boolean;
  /** null: the rows cannot be ticked (payers excluded from email mode). */
  ticked: ReadonlySet<string> | null;
  onTick: (key: string) => void;
  readOnly: boolean;
}

export function ReminderTable({
  labelledBy,
  payers,
  email,
  ticked,
  onTick,
  readOnly,
}: ReminderTableProps) {
  return (
    <table className="table reminders-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {ticked && <th scope="col">{c.tick}</th>}
          <th scope="col">{c.payer}</th>
          <th scope="col">{c.resident}</th>
          <th scope="col">{c.facility}</th>
          <th scope="col">{c.invoices}</th>
          <th scope="col" className="num">
            {c.due}
          </th>
          <th scope="col" className="num">
            {c.late}
          </th>
          <th scope="col">{c.level}</th>
          {ticked && <th scope="col">{c.next}</th>}
          {email && <th scope="col">{ticked ? c.addresses : c.reason}</th>}
        </tr>
      </thead>
      <tbody>
        {payers.map((payer) => (
          <tr key={payer.key} data-payer={payer.payerName}>
            {ticked && (
              <td>
                <input
                  type="checkbox"
                  aria-label={t.tickRow(payer.payerName, payer.residentName)}
                  checked={ticked.has(payer.key)}
                  disabled={readOnly}
                  onChange={() => onTick(payer.key)}
                />
              </td>
            )}
            <th scope="row">{payer.payerName}</th>
            <td>{payer.residentName}</td>
            <td>{payer.facilityName}</td>
            <td>
              <ul className="plain-list">
                {payer.invoices.map((invoice) => (
                  <li key={invoice.id}>
                    {t.invoiceDue(invoice.number, formatDateFr(invoice.dueDate))}{' '}
                    <span className="muted">{formatEuros(invoice.dueCents)}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td className="num">{formatEuros(payer.dueCents)}</td>
            <td className="num">{t.days(payer.daysLate)}</td>
            <td>
              {t.level(payer.level)}
              {payer.lastReminderAt && (
                <small className="muted"> {t.lastOn(payer.lastReminderAt)}</small>
              )}
            </td>
            {ticked && (
              <td>
                <span className={payer.nextLevel === 3 ? 'badge badge-warning' : 'badge'}>
                  {t.level(payer.nextLevel)}
                </span>
              </td>
            )}
            {email && (
              <td>
                {ticked ? (
                  <ul className="plain-list">
                    {payer.emails.map((address) => (
                      <li key={address}>{address}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="reminders-reason">{payer.emailIssue}</p>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
