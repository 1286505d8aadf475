// One tariff being added or changed. Amounts are typed the French way ("68,50") and sent as
// integer cents; the main side refuses overlaps and tariffs already used by issued invoices.
import { useState } from 'react';
import type { Tariff } from '../../../shared/contract';
import { client } from '../../client';
import { FormStatus } from '../../components/FormStatus';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks';
import { fr } from '../../i18n/fr';
import { centsToInput, readAmount } from './amount-input';

const t = fr.tariffs.tariffs;
const AMOUNTS = ['hebergement', 'gir12', 'gir34', 'gir56'] as const;
type Amount = (typeof AMOUNTS)[number];
const CENTS: Record<Amount, keyof Tariff & `${string}Cents`> = {
  hebergement: 'hebergementCents',
  gir12: 'dependanceGir12Cents',
  gir34: 'dependanceGir34Cents',
  gir56: 'dependanceGir56Cents',
};

export function TariffForm({
  facilityId,
  tariff,
  template,
  onSaved,
  onCancel,
}: {
  facilityId: number;
  /** The tariff being changed, or null for a new one. */
  tariff: Tariff | null;
  /** The latest tariff, whose amounts a new one starts from. */
  template: Tariff | null;
  onSaved: (list: Tariff[]) => void;
  onCancel: () => void;
}) {
  const source = tariff ?? template;
  const [validFrom, setValidFrom] = useState(tariff?.validFrom ?? '');
  const [validTo, setValidTo] = useState(tariff?.validTo ?? '');
  const [amounts, setAmounts] = useState<Record<Amount, string>>(() => {
    const entries = AMOUNTS.map((key) => [key, source ? centsToInput(source[CENTS[key]]) : '']);
    return Object.fromEntries(entries) as Record<Amount, string>;
  });
  const [problems, setProblems] = useState<string[]>([]);
  const { error, busy, run } = useAction();

  const save = async () => {
    const found: string[] = [];
    if (validFrom === '') found.push(t.missingDate);
    const cents = Object.fromEntries(
      AMOUNTS.map((key) => [
        CENTS[key],
        readAmount(amounts[key], t.fields[key], found, t.badAmount),
      ]),
    ) as Record<(typeof CENTS)[Amount], number>;
    setProblems(found);
    if (found.length > 0) return;
    const list = await run(() =>
      client.call('tariffs:save', {
        facilityId,
        id: tariff?.id ?? null,
        version: tariff?.version ?? null,
        tariff: { validFrom, validTo: validTo === '' ? null : validTo, ...cents },
      }),
    );
    if (list) onSaved(list);
  };

  return (
    <section className="editor" aria-label={t.formLabel}>
      <h3>{tariff ? t.editTitle(tariff.validFrom) : t.newTitle}</h3>
      {!tariff && <p>{t.newHelp}</p>}
      <div className="grid">
        <Field label={t.fields.validFrom}>
          <input type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
        </Field>
        <Field label={t.fields.validTo}>
          <input type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
        </Field>
        {AMOUNTS.map((key) => (
          <Field key={key} label={t.fields[key]}>
            <input
              inputMode="decimal"
              value={amounts[key]}
              onChange={(e) => setAmounts({ ...amounts, [key]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      <FormStatus problems={problems} error={error} />
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {fr.tariffs.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}
