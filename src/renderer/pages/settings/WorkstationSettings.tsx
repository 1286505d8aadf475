// Paramètres › Ce poste (every user): this workstation's name, shown in the audit and on the
// journal's envelopes, and its method for single e-mails. Kept in the workstation's own
// preferences through prefs:get / prefs:save, never in the shared file.
import { useId, useState } from 'react';
import type { MailMethod, WorkstationPrefs } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormStatus } from '../../components/FormStatus';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frWorkstation as t } from '../../i18n/fr-workstation';

const METHODS: readonly MailMethod[] = ['smtp', 'outlook', 'thunderbird', 'system'];

function Editor({ prefs }: { prefs: WorkstationPrefs }) {
  const [name, setName] = useState(prefs.workstationName);
  const [method, setMethod] = useState(prefs.mailMethod);
  const [problem, setProblem] = useState<string | null>(null);
  const { error, done, busy, run } = useAction();
  const group = useId();
  const hint = useId();
  const save = async () => {
    const trimmed = name.trim();
    const found = trimmed === '' ? t.noName : trimmed.length > 80 ? t.longName : null;
    setProblem(found);
    if (found) return;
    const saved = await run(() =>
      client.call('prefs:save', { workstationName: trimmed, mailMethod: method }),
    );
    if (saved) {
      setName(saved.workstationName);
      setMethod(saved.mailMethod);
    }
  };
  return (
    <section className="editor" aria-label={t.label}>
      <h2>{t.title}</h2>
      <p className="placeholder">{t.intro}</p>
      <Field label={t.name}>
        <input
          value={name}
          maxLength={80}
          aria-describedby={hint}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <p id={hint} className="placeholder">
        {t.nameHint}
      </p>
      <fieldset>
        <legend>{t.method}</legend>
        {METHODS.map((m) => (
          <div key={m}>
            <label>
              <input
                type="radio"
                name={group}
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
              />{' '}
              {t.methods[m]}
            </label>
          </div>
        ))}
        <p className="notice" role="note">
          {t.later}
        </p>
      </fieldset>
      <FormStatus problems={problem} error={error} saved={done && t.saved} />
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
      </div>
    </section>
  );
}

export function WorkstationSettings() {
  const [prefs] = useCall('prefs:get', {});
  if (prefs.status === 'loading') return <p>{fr.loading}</p>;
  if (prefs.status === 'error') return <ErrorNotice error={prefs.error} />;
  return <Editor prefs={prefs.value} />;
}
