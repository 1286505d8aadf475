// Débours: those still to invoice (editable), those already on an invoice (read-only, with its
// number), and a form whose amount is typed the French way and parsed to whole cents here.
import { useState, type ReactNode } from 'react';
import type { Debours, ResidentBilling } from '../../../../shared/contract';
import {
  centsToInput,
  formatDateFr,
  formatEuros,
  parseAmountInput,
} from '../../../../shared/money';
import { client } from '../../../client';
import { FormStatus } from '../../../components/FormStatus';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks';
import { frResidentBilling } from '../../../i18n/fr-resident-billing';
import type { Write } from './ResidentBillingPanel';

const t = frResidentBilling.debours;

interface Draft {
  id: number | null;
  expected: { date: string; label: string; amountCents: number } | null;
  date: string;
  label: string;
  amount: string;
}
const today = () => new Date().toLocaleDateString('sv-SE');
const empty = (): Draft => ({ id: null, expected: null, date: today(), label: '', amount: '' });
const snapshot = (d: Debours) => ({ date: d.date, label: d.label, amountCents: d.amountCents });

function DeboursTable({
  rows,
  children,
}: {
  rows: Debours[];
  children: (d: Debours) => ReactNode;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t.columns.date}</th>
          <th>{t.columns.label}</th>
          <th className="amount">{t.columns.amount}</th>
          <th>{frResidentBilling.actions}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{formatDateFr(row.date)}</td>
            <td>{row.label}</td>
            <td className="amount">{formatEuros(row.amountCents)}</td>
            <td className="row-actions">{children(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeboursSection({ data, write }: { data: ResidentBilling; write: Write }) {
  const [draft, setDraft] = useState<Draft>(empty);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const open = data.debours.filter((d) => d.invoiceId === null);
  const invoiced = data.debours.filter((d) => d.invoiceId !== null);

  const save = async () => {
    setNotice(null);
    const amount = parseAmountInput(draft.amount);
    const reason =
      draft.date === ''
        ? t.errors.date
        : draft.label.trim() === ''
          ? t.errors.label
          : amount.ok
            ? null
            : amount.error;
    setInvalid(reason);
    if (reason || !amount.ok) return;
    const { id, expected, date, label } = draft;
    const done = await action.run(() =>
      write(() =>
        client.call('debours:save', {
          residentId: data.residentId,
          id,
          expected,
          date,
          label,
          amountCents: amount.cents,
        }),
      ),
    );
    if (done) {
      setDraft(empty());
      setNotice(t.saved);
    }
  };
  const remove = async (row: Debours) => {
    setNotice(null);
    const ref = { residentId: data.residentId, id: row.id, expected: snapshot(row) };
    const done = await action.run(() => write(() => client.call('debours:delete', ref)));
    setConfirming(null);
    if (done) setNotice(t.removed);
  };
  const edit = (row: Debours) => {
    setNotice(null);
    setInvalid(null);
    setDraft({
      ...snapshot(row),
      id: row.id,
      expected: snapshot(row),
      amount: centsToInput(row.amountCents),
    });
  };

  return (
    <section aria-label={t.title}>
      <h3>{t.title}</h3>
      <p className="placeholder">{t.intro}</p>
      {open.length === 0 ? (
        <p className="placeholder">{t.none}</p>
      ) : (
        <>
          <DeboursTable rows={open}>
            {(row) =>
              confirming === row.id ? (
                <>
                  <button type="button" onClick={() => void remove(row)}>
                    {frResidentBilling.confirmRemove}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {frResidentBilling.cancel}
                  </button>
                </>
              ) : (
                <>
                  <button type="button" className="link" onClick={() => edit(row)}>
                    {frResidentBilling.edit}
                  </button>
                  <button type="button" className="link" onClick={() => setConfirming(row.id)}>
                    {frResidentBilling.remove}
                  </button>
                </>
              )
            }
          </DeboursTable>
          <p>
            <strong>{t.toInvoice(open.reduce((sum, d) => sum + d.amountCents, 0))}</strong>
          </p>
        </>
      )}
      {invoiced.length > 0 && (
        <details>
          <summary>{t.invoicedTitle(invoiced.length)}</summary>
          <DeboursTable rows={invoiced}>{(row) => t.invoice(row.invoiceNumber)}</DeboursTable>
        </details>
      )}
      <fieldset className="subform">
        <legend>{draft.id === null ? t.add : t.editTitle}</legend>
        <div className="grid">
          <Field label={t.date}>
            <input type="date" value={draft.date} onChange={(e) => set({ date: e.target.value })} />
          </Field>
          <Field label={t.label}>
            <input value={draft.label} onChange={(e) => set({ label: e.target.value })} />
          </Field>
          <Field label={t.amount}>
            <input
              inputMode="decimal"
              value={draft.amount}
              onChange={(e) => set({ amount: e.target.value })}
            />
          </Field>
        </div>
        <FormStatus problems={invalid} error={action.error} saved={notice} />
        <div className="actions">
          <button type="button" disabled={action.busy} onClick={() => void save()}>
            {t.save}
          </button>
          {draft.id !== null && (
            <button type="button" onClick={() => setDraft(empty())}>
              {frResidentBilling.cancel}
            </button>
          )}
        </div>
      </fieldset>
    </section>
  );
}
