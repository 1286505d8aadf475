// "Établir un avoir": all that is left on the invoice, or chosen quantities of its lines
// (never more than earlier avoirs left), a motif printed on the avoir, and its issue date.
import { useState } from 'react';
import type { InvoiceDetail } from '../../../shared/contract';
import { client } from '../../client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks';
import { fr } from '../../i18n/fr';
import { todayIso } from './dates';

const t = fr.billing.credit;

export function CreditNoteDialog({
  invoice,
  onClose,
  onCredited,
}: {
  invoice: InvoiceDetail;
  onClose: () => void;
  onCredited: (note: InvoiceDetail) => void;
}) {
  const [mode, setMode] = useState<'all' | 'lines'>('all');
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const action = useAction();
  const open = invoice.lines
    .map((line) => ({ ...line, left: line.quantity - line.creditedQuantity }))
    .filter((line) => line.left > 0);

  const chosen = open
    .map((line) => ({ line, quantity: Math.min(quantities[line.position] ?? 0, line.left) }))
    .filter((choice) => choice.quantity > 0);
  const totalCents =
    mode === 'all'
      ? open.reduce((sum, line) => sum + line.left * line.unitCents, 0)
      : chosen.reduce((sum, { line, quantity }) => sum + quantity * line.unitCents, 0);

  const submit = async () => {
    const lines =
      mode === 'all'
        ? ('all' as const)
        : chosen.map(({ line, quantity }) => ({ position: line.position, quantity }));
    const note = await action.run(() =>
      client.call('invoices:credit', { invoiceId: invoice.id, lines, reason, issueDate: date }),
    );
    if (note) onCredited(note);
  };

  return (
    <Dialog title={t.title(invoice.number ?? '')} busy={action.busy} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p>{t.intro}</p>
        <fieldset className="plain">
          <legend>{t.mode}</legend>
          <label className="check">
            <input
              type="radio"
              name="credit-mode"
              checked={mode === 'all'}
              onChange={() => setMode('all')}
            />
            {t.all}
          </label>
          <label className="check">
            <input
              type="radio"
              name="credit-mode"
              checked={mode === 'lines'}
              onChange={() => setMode('lines')}
            />
            {t.partial}
          </label>
        </fieldset>
        {mode === 'lines' && (
          <div className="credit-lines">
            {open.map((line) => (
              <Field key={line.position} label={t.quantityOf(line.label, line.left)}>
                <input
                  type="number"
                  min={0}
                  max={line.left}
                  step={1}
                  value={quantities[line.position] ?? 0}
                  onChange={(event) =>
                    setQuantities({
                      ...quantities,
                      [line.position]: Math.max(0, Math.floor(Number(event.target.value) || 0)),
                    })
                  }
                />
              </Field>
            ))}
          </div>
        )}
        <Field label={t.reason} wide>
          <input
            type="text"
            required
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        <Field label={t.date}>
          <input
            type="date"
            required
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </Field>
        <p>
          <strong>{t.total(totalCents)}</strong>
        </p>
        {action.busy && <p role="status">{t.working}</p>}
        {action.error && <ErrorNotice error={action.error} />}
        <div className="actions dialog-actions">
          <button
            type="submit"
            className="primary"
            disabled={action.busy || totalCents === 0 || reason.trim() === '' || date === ''}
          >
            {t.confirm}
          </button>
          <button type="button" disabled={action.busy} onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
