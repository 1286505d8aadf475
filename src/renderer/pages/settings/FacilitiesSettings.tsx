// Paramètres › Établissements: each facility's identity as printed on its invoices. Admin and
// facturation edit; accueil reads.
import { useState } from 'react';
import type { FacilityDetail, FacilityInput } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { useSession } from '../../session/SessionContext';

const t = fr.settings.facilities;

const empty: FacilityInput = {
  code: '',
  name: '',
  kind: 'ehpad',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  phone: '',
  email: '',
  finess: '',
  siret: '',
  legalName: '',
  billingAddress: '',
  iban: '',
  bic: '',
  vatMention: '',
  senderName: '',
  replyTo: '',
};

const textFields = Object.keys(t.fields) as (keyof typeof t.fields)[];

function FacilityForm({
  facility,
  readOnly,
  onSaved,
}: {
  facility: FacilityDetail | null;
  readOnly: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<FacilityInput>(() => {
    if (!facility) return empty;
    const { id: _id, version: _version, ...fields } = facility;
    return fields;
  });
  // The form keeps the version it last saved, so a second save is not a conflict with itself.
  const [current, setCurrent] = useState(facility);
  const { error, done, run } = useAction();
  const save = async () => {
    const result = await run(() =>
      client.call('facilities:save', {
        id: current?.id ?? null,
        version: current?.version ?? null,
        facility: draft,
      }),
    );
    if (result) {
      setCurrent(result);
      onSaved();
    }
  };
  return (
    <section className="editor" aria-label={t.formLabel}>
      <h2>{current ? current.name : t.create}</h2>
      <fieldset disabled={readOnly} className="grid plain">
        <Field label={t.kind}>
          <select
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value as FacilityInput['kind'] })}
          >
            <option value="ehpad">EHPAD</option>
            <option value="residence_autonomie">Résidence autonomie</option>
          </select>
        </Field>
        {textFields.map((key) => (
          <Field
            key={key}
            label={t.fields[key]}
            wide={key === 'billingAddress' || key === 'vatMention'}
          >
            <input
              value={draft[key] ?? ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </Field>
        ))}
      </fieldset>
      {error && <ErrorNotice error={error} />}
      {done && <p className="notice notice-ok">{t.saved}</p>}
      {!readOnly && (
        <div className="actions">
          <button className="primary" type="button" onClick={() => void save()}>
            {fr.residents.editor.save}
          </button>
        </div>
      )}
    </section>
  );
}

export function FacilitiesSettings() {
  const { user } = useSession();
  const [list, reload] = useCall('facilities:details', {});
  const [open, setOpen] = useState<{ key: number; facility: FacilityDetail | null } | null>(null);
  const readOnly = !user.canChangeSettings;
  if (list.status === 'loading') return <p>{fr.loading}</p>;
  if (list.status === 'error') return <ErrorNotice error={list.error} />;
  return (
    <section className="page">
      <div className="page-header">
        <h2>{t.title}</h2>
        {!readOnly && (
          <button className="primary" onClick={() => setOpen({ key: Date.now(), facility: null })}>
            {t.create}
          </button>
        )}
      </div>
      {readOnly && <p className="notice notice-warning">{t.readOnly}</p>}
      {list.value.length === 0 && <p className="placeholder">{t.none}</p>}
      <ul className="plain-list">
        {list.value.map((facility) => (
          <li key={facility.id}>
            <button className="link" onClick={() => setOpen({ key: Date.now(), facility })}>
              {`${facility.name} (${facility.code})`}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <FacilityForm
          key={open.key}
          facility={open.facility}
          readOnly={readOnly}
          onSaved={reload}
        />
      )}
    </section>
  );
}
