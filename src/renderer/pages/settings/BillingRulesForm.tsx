// The facility's billing rules: absence thresholds and the daily reductions beyond them,
// dépendance during absences, payment delay. Shows the defaults until first saved; keeps the
// version it last saved so a second save is not a conflict with itself.
import { useState } from 'react';
import type { BillingRulesDetail, BillingRulesFields } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormStatus } from '../../components/FormStatus';
import { Field } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { centsToInput, readAmount, readWhole } from './amount-input';

const t = fr.tariffs.rules;
const f = t.fields;

type Draft = Record<
  | 'hospitalisationThresholdHours'
  | 'hospitalisationReduction'
  | 'personalLeaveThresholdHours'
  | 'personalLeaveReduction'
  | 'dueDays',
  string
> & { billDependanceDuringAbsence: boolean };
type TextKey = Exclude<keyof Draft, 'billDependanceDuringAbsence'>;

function toDraft(rules: BillingRulesDetail): Draft {
  return {
    hospitalisationThresholdHours: String(rules.hospitalisationThresholdHours),
    hospitalisationReduction: centsToInput(rules.hospitalisationReductionCents),
    personalLeaveThresholdHours: String(rules.personalLeaveThresholdHours),
    personalLeaveReduction: centsToInput(rules.personalLeaveReductionCents),
    billDependanceDuringAbsence: rules.billDependanceDuringAbsence,
    dueDays: String(rules.dueDays),
  };
}

function fromDraft(draft: Draft, problems: string[]): BillingRulesFields {
  const whole = (key: TextKey) => readWhole(draft[key], f[key], problems, t.badNumber);
  const amount = (key: 'hospitalisationReduction' | 'personalLeaveReduction') =>
    readAmount(draft[key], f[key], problems, fr.tariffs.tariffs.badAmount);
  return {
    hospitalisationThresholdHours: whole('hospitalisationThresholdHours'),
    hospitalisationReductionCents: amount('hospitalisationReduction'),
    personalLeaveThresholdHours: whole('personalLeaveThresholdHours'),
    personalLeaveReductionCents: amount('personalLeaveReduction'),
    billDependanceDuringAbsence: draft.billDependanceDuringAbsence,
    dueDays: whole('dueDays'),
  };
}

function RulesEditor({ rules, readOnly }: { rules: BillingRulesDetail; readOnly: boolean }) {
  const [current, setCurrent] = useState(rules);
  const [draft, setDraft] = useState(() => toDraft(rules));
  const [problems, setProblems] = useState<string[]>([]);
  const { error, done, busy, run } = useAction();
  const text = (key: TextKey, numeric = true) => (
    <Field label={f[key]}>
      <input
        inputMode={numeric ? 'numeric' : 'decimal'}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </Field>
  );
  const save = async () => {
    const found: string[] = [];
    const values = fromDraft(draft, found);
    setProblems(found);
    if (found.length > 0) return;
    const saved = await run(() =>
      client.call('tariffs:saveRules', {
        facilityId: current.facilityId,
        version: current.version,
        rules: values,
      }),
    );
    if (saved) {
      setCurrent(saved);
      setDraft(toDraft(saved));
    }
  };
  return (
    <section className="editor" aria-label={t.label}>
      <h3>{t.title}</h3>
      {current.version === null && <p className="notice">{t.defaults}</p>}
      <fieldset disabled={readOnly} className="plain">
        <h4>{t.hospitalisation}</h4>
        <div className="grid">
          {text('hospitalisationThresholdHours')}
          {text('hospitalisationReduction', false)}
        </div>
        <h4>{t.personalLeave}</h4>
        <div className="grid">
          {text('personalLeaveThresholdHours')}
          {text('personalLeaveReduction', false)}
        </div>
        <p className="placeholder">{t.thresholdHelp}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.billDependanceDuringAbsence}
            onChange={(e) => setDraft({ ...draft, billDependanceDuringAbsence: e.target.checked })}
          />
          {f.billDependanceDuringAbsence}
        </label>
        <div className="grid">{text('dueDays')}</div>
      </fieldset>
      <FormStatus problems={problems} error={error} saved={done && t.saved} />
      {!readOnly && (
        <div className="actions">
          <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
            {fr.tariffs.save}
          </button>
        </div>
      )}
    </section>
  );
}

export function BillingRulesForm({
  facilityId,
  readOnly,
}: {
  facilityId: number;
  readOnly: boolean;
}) {
  const [rules] = useCall('tariffs:rules', { facilityId });
  if (rules.status === 'loading') return <p>{fr.loading}</p>;
  if (rules.status === 'error') return <ErrorNotice error={rules.error} />;
  return <RulesEditor rules={rules.value} readOnly={readOnly} />;
}
