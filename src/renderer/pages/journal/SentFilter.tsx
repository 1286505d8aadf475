// The journal's « Envoi » filter (tous, envoyé, non envoyé, en échec, en attente) and its
// status filter; « Tous » is no filter.
import type { EnvelopeState, InvoiceStatus } from '../../../shared/contract';
import { Field } from '../../components/Field';
import { fr } from '../../i18n/fr';

const t = fr.envelopes.filters;
const ENVELOPES = Object.keys(t.envelopes) as (keyof typeof t.envelopes)[];
const STATUSES = Object.keys(fr.billing.statuses) as InvoiceStatus[];

export function SentFilter({
  envelope,
  status,
  onEnvelope,
  onStatus,
}: {
  envelope: EnvelopeState | null;
  status: InvoiceStatus | null;
  onEnvelope: (envelope: EnvelopeState | null) => void;
  onStatus: (status: InvoiceStatus | null) => void;
}) {
  return (
    <>
      <Field label={t.envelope}>
        <select
          value={envelope ?? ''}
          onChange={(event) =>
            onEnvelope(event.target.value === '' ? null : (event.target.value as EnvelopeState))
          }
        >
          <option value="">{t.all}</option>
          {ENVELOPES.map((state) => (
            <option key={state} value={state}>
              {t.envelopes[state]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.status}>
        <select
          value={status ?? ''}
          onChange={(event) =>
            onStatus(event.target.value === '' ? null : (event.target.value as InvoiceStatus))
          }
        >
          <option value="">{t.all}</option>
          {STATUSES.map((code) => (
            <option key={code} value={code}>
              {fr.billing.statuses[code]}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
