// « Serveur utilisé par » on Paramètres › Serveur d’envoi: the association's server (every
// facility without its own), or one facility's own server — given here from the association's
// settings as a starting point, or removed to go back to the association's. Lists which
// facilities have their own server. The form itself is the page's editor (render prop).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Facility, SmtpSettingsDetail } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormStatus } from '../../components/FormStatus';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frSmtpScope as t } from '../../i18n/fr-smtp-scope';

type Saved = (detail: SmtpSettingsDetail) => void;

/** Which facilities have their own server, asked facility by facility (a handful at most). */
function useOwnServers(facilities: Facility[] | null) {
  const [own, setOwn] = useState<Set<number>>(new Set());
  useEffect(() => {
    if (!facilities) return undefined;
    let live = true;
    void Promise.all(facilities.map((f) => client.call('smtp:get', { facilityId: f.id }))).then(
      (details) => {
        if (live)
          setOwn(new Set(details.filter((d) => d.overridden).map((d) => d.facilityId ?? 0)));
      },
    );
    return () => {
      live = false;
    };
  }, [facilities]);
  const note = useCallback((detail: SmtpSettingsDetail) => {
    const id = detail.facilityId;
    if (id === null) return;
    setOwn((before) => {
      const after = new Set(before);
      if (detail.overridden) after.add(id);
      else after.delete(id);
      return after;
    });
  }, []);
  return { own, note };
}

export function SmtpScope({
  children,
}: {
  children: (detail: SmtpSettingsDetail, onSaved: Saved) => ReactNode;
}) {
  const [facilities] = useCall('facilities:list', {});
  const list = facilities.status === 'ok' ? facilities.value : null;
  const { own, note } = useOwnServers(list);
  const [chosen, setChosen] = useState<number | null>(null);
  const [loaded] = useCall('smtp:get', { facilityId: chosen });
  // The last detail a save returned: newer than what was loaded when the scope was chosen.
  const [latest, setLatest] = useState<SmtpSettingsDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const { error, done, busy, run } = useAction();

  const choose = (value: string) => {
    setChosen(value === '' ? null : Number(value));
    setLatest(null);
    setEditing(false);
  };
  const onSaved: Saved = (detail) => {
    setLatest(detail);
    note(detail);
  };
  const backToAssociation = async (detail: SmtpSettingsDetail) => {
    const saved = await run(() =>
      client.call('smtp:save', {
        facilityId: detail.facilityId,
        version: detail.version,
        settings: null,
      }),
    );
    if (saved) {
      onSaved(saved);
      setEditing(false);
    }
  };

  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const detail =
    latest?.facilityId === chosen ? latest : loaded.status === 'ok' ? loaded.value : null;
  const names = (list ?? []).filter((f) => own.has(f.id)).map((f) => f.name);
  return (
    <>
      <Field label={t.scope}>
        <select value={chosen ?? ''} onChange={(e) => choose(e.target.value)}>
          <option value="">{t.association}</option>
          {list?.map((f) => (
            <option key={f.id} value={f.id}>
              {`${f.name} (${f.code})`}
            </option>
          ))}
        </select>
      </Field>
      <p className="placeholder" data-testid="smtp-own-servers">
        {names.length > 0 ? t.ownServers(names.join(', ')) : t.noOwnServer}
      </p>
      {detail === null || detail.facilityId !== chosen ? (
        <p>{fr.loading}</p>
      ) : chosen !== null && !detail.overridden && !editing ? (
        <div className="notice" role="note">
          <p>{t.inherits(detail.settings.host)}</p>
          <FormStatus error={error} saved={done && t.removed} />
          <button type="button" onClick={() => setEditing(true)}>
            {t.giveOwn}
          </button>
        </div>
      ) : (
        <>
          {chosen !== null && detail.overridden && (
            <div className="notice" role="note">
              <p>{t.own}</p>
              <FormStatus error={error} />
              <button type="button" disabled={busy} onClick={() => void backToAssociation(detail)}>
                {t.backToAssociation}
              </button>
            </div>
          )}
          <div key={`${chosen ?? 'association'}`}>{children(detail, onSaved)}</div>
        </>
      )}
    </>
  );
}
