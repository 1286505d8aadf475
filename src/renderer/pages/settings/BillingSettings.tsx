// Paramètres › Tarifs et facturation: for one facility at a time, its tariffs and its billing
// rules. Admin and facturation change them; accueil reads.
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { useSession } from '../../session/SessionContext';
import { BillingRulesForm } from './BillingRulesForm';
import { TariffsSection } from './TariffsSection';

const t = fr.tariffs;

export function BillingSettings() {
  const { user } = useSession();
  const [facilities] = useCall('facilities:list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const readOnly = !user.canChangeSettings;
  if (facilities.status === 'loading') return <p>{fr.loading}</p>;
  if (facilities.status === 'error') return <ErrorNotice error={facilities.error} />;
  const facilityId = chosen ?? facilities.value[0]?.id ?? null;
  return (
    <section className="page">
      <div className="page-header">
        <h2>{t.title}</h2>
      </div>
      <p>{t.intro}</p>
      {readOnly && <p className="notice notice-warning">{t.readOnly}</p>}
      {facilityId === null ? (
        <p className="placeholder">{fr.residents.noFacility}</p>
      ) : (
        <>
          <Field label={t.facility}>
            <select value={facilityId} onChange={(e) => setChosen(Number(e.target.value))}>
              {facilities.value.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {`${facility.name} (${facility.code})`}
                </option>
              ))}
            </select>
          </Field>
          <TariffsSection key={`t${facilityId}`} facilityId={facilityId} readOnly={readOnly} />
          <BillingRulesForm key={`r${facilityId}`} facilityId={facilityId} readOnly={readOnly} />
        </>
      )}
    </section>
  );
}
