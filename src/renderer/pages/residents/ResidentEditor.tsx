// One resident's record, in tabs (État civil, Famille / Tuteur, Facturation). Saving sends the
// version the user started from; when another workstation changed the record meanwhile, the
// user sees what changed and chooses to reload or to save their own version over it.
import { useCallback, useEffect, useState } from 'react';
import type { EventPayload, Facility, Resident } from '../../../shared/contract';
import { client, ContractError, toContractError } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useEvent } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frResidentBilling } from '../../i18n/fr-resident-billing';
import { ContactsEditor } from './ContactsEditor';
import { draftOf, emptyResident, mergeDraft, sameDraft, type ResidentDraft } from './draft';
import { BillingTab, CivilTab } from './ResidentTabs';

const t = fr.residents.editor;
const localToday = () => new Date().toLocaleDateString('sv-SE');
type Tab = 'civil' | 'contacts' | 'billing';

export function ResidentEditor({
  id,
  facilities,
  onSaved,
  onClose,
}: {
  id: number | null;
  facilities: Facility[];
  onSaved: (resident: Resident) => void;
  onClose: () => void;
}) {
  const [saved, setSaved] = useState<Resident | null>(null);
  const [draft, setDraft] = useState<ResidentDraft | null>(
    id === null ? emptyResident(facilities[0]?.id ?? 1) : null,
  );
  const [tab, setTab] = useState<Tab>('civil');
  const [error, setError] = useState<ContractError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState<Resident | null>(null);
  const [busy, setBusy] = useState(false);
  const [girFrom, setGirFrom] = useState(localToday);

  const apply = useCallback((resident: Resident) => {
    setSaved(resident);
    setDraft(draftOf(resident));
    setChangedElsewhere(null);
    setError(null);
  }, []);

  const load = useCallback(
    (residentId: number) =>
      client.call('residents:get', { id: residentId }).then(apply, (caught: unknown) => {
        setError(toContractError(caught));
      }),
    [apply],
  );

  // Loads the record when opened; a record this editor just created is already loaded.
  useEffect(() => {
    if (id === null || id === saved?.id) return;
    let live = true;
    client.call('residents:get', { id }).then(
      (resident) => {
        if (live) apply(resident);
      },
      (caught: unknown) => {
        if (live) setError(toContractError(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [id, saved?.id, apply]);

  const dirty = draft !== null && (saved === null ? true : !sameDraft(draft, draftOf(saved)));

  // Another context or workstation changed this record: follow it when the form is untouched,
  // otherwise say so and let the user decide.
  useEvent(
    'data:changed',
    useCallback(
      (payload: EventPayload<'data:changed'>) => {
        if (
          saved === null ||
          !payload.changes.some((c) => c.entity === 'resident' && c.entityId === saved.id)
        ) {
          return;
        }
        void client.call('residents:get', { id: saved.id }).then((latest) => {
          if (latest.version === saved.version) return;
          // Our own save (this tab, or the same content) needs no warning.
          if (draft !== null && sameDraft(draftOf(latest), draft)) {
            setSaved(latest);
          } else if (dirty) {
            setChangedElsewhere(latest);
          } else {
            setSaved(latest);
            setDraft(draftOf(latest));
          }
        });
      },
      [saved, dirty, draft],
    ),
  );

  const save = async (overwrite: boolean) => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      // A changed GIR applies from the date of its evaluation (default today).
      const girChanged = saved !== null && draft.gir !== null && draft.gir !== saved.gir;
      if (girChanged && girFrom === '') {
        throw new ContractError({ code: 'INVALID_INPUT', message: frResidentBilling.gir.missing });
      }
      let version = saved?.version ?? null;
      let toSave = draft;
      if (overwrite && saved) {
        const latest = await client.call('residents:get', { id: saved.id });
        version = latest.version;
        toSave = mergeDraft(draftOf(saved), draft, draftOf(latest));
      }
      const resident = await client.call('residents:save', {
        id: saved?.id ?? null,
        version,
        resident: toSave,
        ...(girChanged ? { girValidFrom: girFrom } : {}),
      });
      setGirFrom(localToday());
      setSaved(resident);
      setDraft(draftOf(resident));
      setChangedElsewhere(null);
      setNotice(t.saved);
      onSaved(resident);
    } catch (caught) {
      setError(toContractError(caught));
    } finally {
      setBusy(false);
    }
  };

  const archive = async () => {
    if (!saved) return;
    try {
      const channel = saved.archivedAt ? 'residents:restore' : 'residents:archive';
      const resident = await client.call(channel, { id: saved.id, version: saved.version });
      setSaved(resident);
      setDraft(draftOf(resident));
      onSaved(resident);
    } catch (caught) {
      setError(toContractError(caught));
    }
  };

  if (!draft) return error ? <ErrorNotice error={error} /> : <p>{fr.loading}</p>;
  const set = (patch: Partial<ResidentDraft>) => setDraft({ ...draft, ...patch });
  const title = saved ? `${saved.civilite} ${saved.prenom} ${saved.nom}` : t.newTitle;

  return (
    <section className="editor" aria-label={t.label}>
      <header className="editor-header">
        <h2>{title}</h2>
        {saved?.archivedAt && <span className="badge">{t.archived}</span>}
        {saved?.lastChange && (
          <small>
            {t.lastChange(
              saved.lastChange.userName,
              saved.lastChange.workstation,
              saved.lastChange.at,
            )}
          </small>
        )}
      </header>
      {saved && saved.duplicates.length > 0 && (
        <div className="notice notice-warning" role="note">
          {t.duplicates} {saved.duplicates.map((d) => `${d.name} (${d.facilityName})`).join(', ')}
        </div>
      )}
      {changedElsewhere && (
        <div className="notice notice-warning" role="status">
          {t.changedElsewhere(
            changedElsewhere.lastChange?.userName ?? '?',
            changedElsewhere.lastChange?.workstation ?? '?',
          )}
          <button type="button" onClick={() => void load(changedElsewhere.id)}>
            {t.reload}
          </button>
        </div>
      )}
      <div role="tablist" className="tabs">
        {(['civil', 'contacts', 'billing'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => setTab(name)}
          >
            {t.tabs[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'civil' && <CivilTab draft={draft} set={set} facilities={facilities} />}
        {tab === 'contacts' && (
          <ContactsEditor
            contacts={draft.contacts}
            onChange={(contacts) => set({ contacts })}
            readOnly={false}
          />
        )}
        {tab === 'billing' && (
          <BillingTab
            draft={draft}
            set={set}
            residentId={saved?.id ?? null}
            girChange={
              saved && draft.gir !== null && draft.gir !== saved.gir
                ? { previous: saved.gir, validFrom: girFrom, setValidFrom: setGirFrom }
                : null
            }
          />
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      {error?.code === 'RECORD_CHANGED' && saved && (
        <div className="actions">
          <button type="button" onClick={() => void load(saved.id)}>
            {t.reload}
          </button>
          <button type="button" onClick={() => void save(true)}>
            {t.overwrite}
          </button>
        </div>
      )}
      {notice && !dirty && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      <div className="actions">
        <button
          className="primary"
          type="button"
          disabled={busy || !dirty}
          onClick={() => void save(false)}
        >
          {t.save}
        </button>
        {saved && (
          <button type="button" disabled={busy || dirty} onClick={() => void archive()}>
            {saved.archivedAt ? t.restore : t.archive}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </section>
  );
}
