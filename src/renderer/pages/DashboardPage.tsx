// Tableau de bord: per facility, this month's and last month's factures issued, sent by email,
// failed, read (accusé de réception) and unpaid (dashboard:month), each a number with a plain CSS bar against the issued
// count. Figures refresh when the data changes elsewhere.
import { useCallback } from 'react';
import type { Dashboard, DashboardMonth } from '../../shared/contract';
import { formatPeriodFr } from '../../shared/money';
import { ErrorNotice } from '../components/ErrorNotice';
import { useCall, useEvent } from '../hooks';
import { fr } from '../i18n/fr';
import { frDashboard as t } from '../i18n/fr-dashboard';
import './dashboard.css';

const FIGURES = ['issued', 'sent', 'failed', 'read', 'unpaid'] as const;

function currentPeriod(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function Figure({ month, figure }: { month: DashboardMonth; figure: (typeof FIGURES)[number] }) {
  const value = month[figure];
  const share = month.issued === 0 ? 0 : Math.round((value / month.issued) * 100);
  return (
    <div className="dashboard-figure">
      <span className="count">{value}</span>
      <span className={`dashboard-bar ${figure}`} aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </span>
    </div>
  );
}

function FacilityCard({ facility }: { facility: Dashboard['facilities'][number] }) {
  return (
    <section className="dashboard-card" aria-labelledby={`dashboard-${facility.facilityId}`}>
      <h2 id={`dashboard-${facility.facilityId}`}>{facility.name}</h2>
      <table>
        <caption className="sr-only">{t.caption(facility.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.measure}</th>
            {facility.months.map((month) => (
              <th scope="col" key={month.period}>
                {formatPeriodFr(month.period)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIGURES.map((figure) => (
            <tr key={figure} data-figure={figure}>
              <th scope="row">{t.figures[figure]}</th>
              {facility.months.map((month) => (
                <td key={month.period}>
                  <Figure month={month} figure={figure} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DashboardPage() {
  const [state, reload] = useCall('dashboard:month', { period: currentPeriod() });
  useEvent(
    'data:changed',
    useCallback(() => reload(), [reload]),
  );
  return (
    <section className="page dashboard">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {state.status === 'loading' && <p role="status">{fr.loading}</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ok' &&
        (state.value.facilities.length === 0 ? (
          <p className="placeholder">{t.noFacility}</p>
        ) : (
          <div className="dashboard-cards">
            {state.value.facilities.map((facility) => (
              <FacilityCard key={facility.facilityId} facility={facility} />
            ))}
          </div>
        ))}
    </section>
  );
}
