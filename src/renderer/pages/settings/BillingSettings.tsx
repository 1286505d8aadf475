// Paramètres › Tarifs et facturation: for one facility at a time, its tariffs and its billing
// rules. Admin and facturation change them; accueil reads.
import { fr } from '../../i18n/fr';
import { BillingRulesForm } from './BillingRulesForm';
import { FacilityScoped } from './FacilityScoped';
import { TariffsSection } from './TariffsSection';

export function BillingSettings() {
  return (
    <FacilityScoped texts={fr.tariffs}>
      {(facilityId, readOnly) => (
        <>
          <TariffsSection key={`t${facilityId}`} facilityId={facilityId} readOnly={readOnly} />
          <BillingRulesForm key={`r${facilityId}`} facilityId={facilityId} readOnly={readOnly} />
        </>
      )}
    </FacilityScoped>
  );
}
