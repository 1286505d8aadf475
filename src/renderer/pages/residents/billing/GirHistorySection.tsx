// The resident's GIR evaluations, latest first, with the tariff group each one bills, and a form
// to record one from its date (a later evaluation also becomes the GIR on the record).
import { useState } from 'react';
import type { ResidentBilling } from '../../../../shared/contract';
import { formatDateFr } from '../../../../shared/money';
import { client } from '../../../client';
import { FormStatus } from '../../../components/FormStatus';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks';
import { frResidentBilling } from '../../../i18n/fr-resident-billing';
import type { Write } from './ResidentBillingPanel';

const t = frResidentBilling.gir;
const today = () => new Date().toLocaleDateString('sv-SE');

export const girGroup = (gir: number | null) =>
  gir === null ? '—' : gir <= 2 ? 'GIR 1-2' : gir <= 4 ? 'GIR 3-4' : 'GIR 5-6';

export function GirHistorySection({ data, write }: { data: ResidentBilling; write: Write }) {
  const [gir, setGir] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();

  const save = async () => {
    const reason = gir === '' ? t.errors.gir : validFrom === '' ? t.errors.date : null;
    setInvalid(reason);
    if (reason) return;
    const input = { residentId: data.residentId, gir: Number(gir), validFrom };
    if (await action.run(() => write(() => client.call('gir:save', input)))) {
      setGir('');
      setValidFrom(today());
    }
  };

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
      <fieldset className="subform">
        <legend>{t.add}</legend>
        <div className="grid">
          <Field label={t.newGir}>
            <select value={gir} onChange={(event) => setGir(event.target.value)}>
              <option value="">—</option>
              {[1, 2, 3, 4, 5, 6].map((value) => (
                <option key={value} value={value}>{`GIR ${value}`}</option>
              ))}
            </select>
          </Field>
          <Field label={t.newValidFrom}>
            <input
              type="date"
              value={validFrom}
              onChange={(event) => setValidFrom(event.target.value)}
            />
          </Field>
        </div>
        <FormStatus problems={invalid} error={action.error} saved={action.done && t.saved} />
        <div className="actions">
          <button type="button" disabled={action.busy} onClick={() => void save()}>
            {t.save}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
