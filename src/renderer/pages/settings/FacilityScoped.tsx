// A settings page that works on one facility at a time (tariffs, email templates…): heading,
// introduction, the read-only note for accueil, the facility selector, then the page's own
// content for the chosen facility.
import { useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { useSession } from '../../session/SessionContext';

export function FacilityScoped({
  texts,
  className = 'page',
  children,
}: {
  texts: { title: string; intro: string; readOnly: string; facility: string };
  className?: string;
  children: (facilityId: number, readOnly: boolean) => ReactNode;
}) {
  const { user } = useSession();
  const [facilities] = useCall('facilities:list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const readOnly = !user.canChangeSettings;
  if (facilities.status === 'loading') return <p>{fr.loading}</p>;
  if (facilities.status === 'error') return <ErrorNotice error={facilities.error} />;
  const facilityId = chosen ?? facilities.value[0]?.id ?? null;
  return (
    <section className={className}>
      <div className="page-header">
        <h2>{texts.title}</h2>
      </div>
      <p>{texts.intro}</p>
      {readOnly && <p className="notice notice-warning">{texts.readOnly}</p>}
      {facilityId === null ? (
        <p className="placeholder">{fr.residents.noFacility}</p>
      ) : (
        <>
          <Field label={texts.facility}>
            <select value={facilityId} onChange={(e) => setChosen(Number(e.target.value))}>
              {facilities.value.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {`${facility.name} (${facility.code})`}
                </option>
              ))}
            </select>
          </Field>
          {children(facilityId, readOnly)}
        </>
      )}
    </section>
  );
}
