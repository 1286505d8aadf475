// The État civil and Facturation tabs of a resident's record. Facturation holds the GIR (with
// the date a changed GIR applies from) and, once the record exists, its absences, débours and
// GIR evaluations, and its issued invoices with « Voir le PDF » and « Envoyer par e-mail ».
import type { Facility } from '../../../shared/contract';
import { Field } from '../../components/Field';
import { fr } from '../../i18n/fr';
import { frResidentBilling as tb } from '../../i18n/fr-resident-billing';
import { ResidentBillingPanel } from './billing/ResidentBillingPanel';
import { girGroup } from './billing/GirHistorySection';
import { ResidentInvoices } from './ResidentInvoices';
import { languages, type ResidentDraft } from './draft';

const t = fr.residents.fields;

interface TabProps {
  draft: ResidentDraft;
  set: (patch: Partial<ResidentDraft>) => void;
}

const orNull = (value: string) => (value === '' ? null : value);

export function CivilTab({ draft, set, facilities }: TabProps & { facilities: Facility[] }) {
  return (
    <div className="grid">
      <Field label={t.facility}>
        <select
          value={draft.facilityId}
          onChange={(event) => set({ facilityId: Number(event.target.value) })}
        >
          {facilities.map((facility) => (
            <option key={facility.id} value={facility.id}>
              {facility.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.civilite}>
        <select
          value={draft.civilite}
          onChange={(event) => set({ civilite: event.target.value as ResidentDraft['civilite'] })}
        >
          <option value="Mme">Mme</option>
          <option value="M.">M.</option>
        </select>
      </Field>
      <Field label={t.nom}>
        <input value={draft.nom} onChange={(event) => set({ nom: event.target.value })} />
      </Field>
      <Field label={t.prenom}>
        <input value={draft.prenom} onChange={(event) => set({ prenom: event.target.value })} />
      </Field>
      <Field label={t.dateNaissance}>
        <input
          type="date"
          value={draft.dateNaissance ?? ''}
          onChange={(event) => set({ dateNaissance: orNull(event.target.value) })}
        />
      </Field>
      <Field label={t.room}>
        <input value={draft.room} onChange={(event) => set({ room: event.target.value })} />
      </Field>
      <Field label={t.admissionDate}>
        <input
          type="date"
          value={draft.admissionDate}
          onChange={(event) => set({ admissionDate: event.target.value })}
        />
      </Field>
      <Field label={t.dischargeDate}>
        <input
          type="date"
          value={draft.dischargeDate ?? ''}
          onChange={(event) => set({ dischargeDate: orNull(event.target.value) })}
        />
      </Field>
      <Field label={t.language}>
        <select
          value={draft.language}
          onChange={(event) => set({ language: event.target.value as ResidentDraft['language'] })}
        >
          {Object.entries(languages).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.email}>
        <input
          type="text"
          inputMode="email"
          spellCheck={false}
          value={draft.email ?? ''}
          onChange={(event) => set({ email: event.target.value })}
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.receivesInvoices}
          onChange={(event) => set({ receivesInvoices: event.target.checked })}
        />
        {t.receivesInvoices}
      </label>
      <Field label={t.notes} wide>
        <textarea
          value={draft.notes}
          rows={3}
          onChange={(event) => set({ notes: event.target.value })}
        />
      </Field>
    </div>
  );
}

/** The GIR changes on the form: the date its evaluation applies from ('' = not yet given). */
export interface GirChange {
  previous: number | null;
  validFrom: string;
  setValidFrom: (date: string) => void;
}

export function BillingTab({
  draft,
  set,
  residentId,
  girChange,
}: TabProps & { residentId: number | null; girChange: GirChange | null }) {
  return (
    <>
      <div className="grid">
        <Field label={t.gir}>
          <select
            value={draft.gir ?? ''}
            onChange={(event) =>
              set({ gir: event.target.value === '' ? null : Number(event.target.value) })
            }
          >
            <option value="">{t.girUnknown}</option>
            {[1, 2, 3, 4, 5, 6].map((gir) => (
              <option key={gir} value={gir}>{`GIR ${gir}`}</option>
            ))}
          </select>
        </Field>
        {girChange && (
          <Field label={tb.gir.validFrom}>
            <input
              type="date"
              value={girChange.validFrom}
              onChange={(event) => girChange.setValidFrom(event.target.value)}
            />
          </Field>
        )}
        <Field label={t.tariffGroup}>
          <output>{girGroup(draft.gir ?? null)}</output>
        </Field>
        {girChange && (
          <p className="notice notice-warning field-wide" role="note">
            {tb.gir.validFromHelp(
              girChange.previous === null ? t.girUnknown : `GIR ${girChange.previous}`,
            )}
          </p>
        )}
      </div>
      {residentId === null ? (
        <p className="placeholder">{tb.saveFirst}</p>
      ) : (
        <>
          <ResidentBillingPanel residentId={residentId} />
          <ResidentInvoices residentId={residentId} />
        </>
      )}
    </>
  );
}
