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
  /** Only when every facility is listed. */
  showFacility: boolean;
}

export function ReminderTable({
  labelledBy,
  payers,
  email,
  ticked,
  onTick,
  readOnly,
  showFacility,
}: ReminderTableProps) {
  return (
    <div className="reminders-scroll">
      <table className="table reminders-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {ticked && (
              <th scope="col">
                <span className="sr-only">{c.tick}</span>
              </th>
            )}
            <th scope="col">{c.payer}</th>
            <th scope="col">{c.resident}</th>
            {showFacility && <th scope="col">{c.facility}</th>}
            <th scope="col">{c.invoices}</th>
            <th scope="col" className="num">
              {c.due}
            </th>
            <th scope="col" className="num">
              {c.late}
            </th>
            <th scope="col">{ticked ? c.next : c.level}</th>
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
              {showFacility && <td>{payer.facilityName}</td>}
              <td>
                <ul className="reminders-list">
                  {payer.invoices.map((invoice) => (
                    <li key={invoice.id}>
                      <span className="reminders-number">{invoice.number}</span>{' '}
                      <small className="muted">
                        {t.invoiceDue(formatDateFr(invoice.dueDate), formatEuros(invoice.dueCents))}
                      </small>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num">{formatEuros(payer.dueCents)}</td>
              <td className="num">{t.days(payer.daysLate)}</td>
              <td>
                {ticked && (
                  <span className={payer.nextLevel === 3 ? 'badge badge-warning' : 'badge'}>
                    {t.level(payer.nextLevel)}
                  </span>
                )}
                <small className="muted reminders-previous">
                  {t.previous(t.level(payer.level))}
                  {payer.lastReminderAt && ` ${t.lastOn(payer.lastReminderAt)}`}
                </small>
              </td>
              {email && (
                <td>
                  {ticked ? (
                    <ul className="reminders-list reminders-addresses">
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
    </div>
  );
}
