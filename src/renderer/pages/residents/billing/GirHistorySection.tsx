// The resident's GIR evaluations, latest first, with the tariff group each one bills.
import type { ResidentBilling } from '../../../../shared/contract';
import { formatDateFr } from '../../../../shared/money';
import { frResidentBilling } from '../../../i18n/fr-resident-billing';

const t = frResidentBilling.gir;

export const girGroup = (gir: number | null) =>
  gir === null ? '—' : gir <= 2 ? 'GIR 1-2' : gir <= 4 ? 'GIR 3-4' : 'GIR 5-6';

export function GirHistorySection({ data }: { data: ResidentBilling }) {
  return (
    <section aria-label={t.title}>
      <h3>{t.title}</h3>
      {data.girHistory.length === 0 ? (
        <p className="placeholder">{t.none(data.gir, data.admissionDate)}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t.columns.gir}</th>
              <th>{t.columns.group}</th>
              <th>{t.columns.validFrom}</th>
            </tr>
          </thead>
          <tbody>
            {data.girHistory.map((evaluation) => (
              <tr key={evaluation.validFrom}>
                <td>{`GIR ${evaluation.gir}`}</td>
                <td>{girGroup(evaluation.gir)}</td>
                <td>{formatDateFr(evaluation.validFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
