// Absences: the list (type, du, au or « en cours », duration), a form to add one or change it
// (the return date above all), and a two-step delete. Dates are checked here against the stay
// for a quick French answer; main checks them again, with the other absences.
import { useState } from 'react';
import type { Absence, AbsenceKindInput, ResidentBilling } from '../../../../shared/contract';
import { client } from '../../../client';
import { FormStatus } from '../../../components/FormStatus';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks';
import { frResidentBilling } from '../../../i18n/fr-resident-billing';
import { formatDateFr } from '../../../../shared/money';
import type { Write } from './ResidentBillingPanel';

const t = frResidentBilling.absences;

interface Draft {
  id: number | null;
  version: number | null;
  kind: AbsenceKindInput;
  startDate: string;
  endDate: string;
}
const empty: Draft = {
  id: null,
  version: null,
  kind: 'hospitalisation',
  startDate: '',
  endDate: '',
};

function problem(draft: Draft, data: ResidentBilling): string | null {
  if (draft.startDate === '') return t.errors.start;
  if (draft.endDate !== '' && draft.endDate < draft.startDate) return t.errors.order;
  if (draft.startDate < data.admissionDate) return t.errors.beforeAdmission(data.admissionDate);
  const last = draft.endDate === '' ? draft.startDate : draft.endDate;
  if (data.dischargeDate !== null && last >= data.dischargeDate) {
    return t.errors.afterDischarge(data.dischargeDate);
  }
  return null;
}

export function AbsencesSection({ data, write }: { data: ResidentBilling; write: Write }) {
  const [draft, setDraft] = useState<Draft>(empty);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const save = async () => {
    setNotice(null);
    const reason = problem(draft, data);
    setInvalid(reason);
    if (reason) return;
    const done = await action.run(() =>
      write(() =>
        client.call('absences:save', {
          residentId: data.residentId,
          ...draft,
          endDate: draft.endDate === '' ? null : draft.endDate,
        }),
      ),
    );
    if (done) {
      setDraft(empty);
      setNotice(t.saved);
    }
  };
  const remove = async (absence: Absence) => {
    setNotice(null);
    const ref = { residentId: data.residentId, id: absence.id, version: absence.version };
    const done = await action.run(() => write(() => client.call('absences:delete', ref)));
    setConfirming(null);
    if (done) setNotice(t.removed);
  };
  const edit = (absence: Absence) => {
    setNotice(null);
    setInvalid(null);
    const { id, version, kind, startDate, endDate } = absence;
    setDraft({ id, version, kind, startDate, endDate: endDate ?? '' });
  };

  return (
    <section aria-label={t.title}>
      <h3>{t.title}</h3>
      {data.absences.length === 0 ? (
        <p className="placeholder">{t.none}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t.columns.kind}</th>
              <th>{t.columns.from}</th>
              <th>{t.columns.to}</th>
              <th>{t.columns.days}</th>
              <th>{frResidentBilling.actions}</th>
            </tr>
          </thead>
          <tbody>
            {data.absences.map((absence) => (
              <tr key={absence.id} className={draft.id === absence.id ? 'selected' : undefined}>
                <td>
                  {t.kinds[absence.kind]}
                  {absence.overlapsIssuedInvoice && (
                    <span className="badge badge-warning">{t.invoiced}</span>
                  )}
                </td>
                <td>{formatDateFr(absence.startDate)}</td>
                <td>{absence.endDate ? formatDateFr(absence.endDate) : t.ongoing}</td>
                <td>{t.duration(absence.days, absence.endDate === null)}</td>
                <td className="row-actions">
                  {confirming === absence.id ? (
                    <>
                      <button type="button" onClick={() => void remove(absence)}>
                        {frResidentBilling.confirmRemove}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {frResidentBilling.cancel}
                      </button>
                    </>
                  ) : (
                    <>
                      <button type="button" className="link" onClick={() => edit(absence)}>
                        {frResidentBilling.edit}
                      </button>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setConfirming(absence.id)}
                      >
                        {frResidentBilling.remove}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.absences.some((a) => a.overlapsIssuedInvoice) && (
        <p className="notice notice-warning" role="note">
          {t.invoicedNote}
        </p>
      )}
      <fieldset className="subform">
        <legend>{draft.id === null ? t.add : t.editTitle}</legend>
        <div className="grid">
          <Field label={t.kind}>
            <select
              value={draft.kind}
              onChange={(event) => set({ kind: event.target.value as AbsenceKindInput })}
            >
              {Object.entries(t.kinds).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.start}>
            <input
              type="date"
              value={draft.startDate}
              onChange={(event) => set({ startDate: event.target.value })}
            />
          </Field>
          <Field label={t.end}>
            <input
              type="date"
              value={draft.endDate}
              onChange={(event) => set({ endDate: event.target.value })}
            />
          </Field>
        </div>
        <FormStatus problems={invalid} error={action.error} saved={notice} />
        <div className="actions">
          <button type="button" disabled={action.busy} onClick={() => void save()}>
            {t.save}
          </button>
          {draft.id !== null && (
            <button type="button" onClick={() => setDraft(empty)}>
              {frResidentBilling.cancel}
            </button>
          )}
        </div>
      </fieldset>
    </section>
  );
}
