// Famille / Tuteur tab: the payer contacts, their emails, and which (at most two, counting the
// resident's own address) receive the invoices.
import type { ContactInput } from '../../../shared/contract';
import { Field } from '../../components/Field';
import { fr } from '../../i18n/fr';
import { emptyContact } from './draft';

const t = fr.residents.contacts;

export function ContactsEditor({
  contacts,
  onChange,
  readOnly,
}: {
  contacts: ContactInput[];
  onChange: (contacts: ContactInput[]) => void;
  readOnly: boolean;
}) {
  const update = (index: number, patch: Partial<ContactInput>) =>
    onChange(contacts.map((contact, i) => (i === index ? { ...contact, ...patch } : contact)));
  return (
    <div className="contacts">
      {contacts.length === 0 && <p className="placeholder">{t.none}</p>}
      {contacts.map((contact, index) => (
        <fieldset key={contact.id ?? `new-${index}`} className="contact" disabled={readOnly}>
          <legend>{`${t.contact} ${index + 1}`}</legend>
          <div className="grid">
            <Field label={t.role}>
              <select
                value={contact.role}
                onChange={(event) =>
                  update(index, { role: event.target.value as ContactInput['role'] })
                }
              >
                {Object.entries(t.roles).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.civilite}>
              <select
                value={contact.civilite}
                onChange={(event) =>
                  update(index, { civilite: event.target.value as ContactInput['civilite'] })
                }
              >
                <option value="">—</option>
                <option value="Mme">Mme</option>
                <option value="M.">M.</option>
              </select>
            </Field>
            <Field label={t.nom}>
              <input
                value={contact.nom}
                onChange={(event) => update(index, { nom: event.target.value })}
              />
            </Field>
            <Field label={t.prenom}>
              <input
                value={contact.prenom}
                onChange={(event) => update(index, { prenom: event.target.value })}
              />
            </Field>
            <Field label={t.relationship}>
              <input
                value={contact.relationship}
                onChange={(event) => update(index, { relationship: event.target.value })}
              />
            </Field>
            <Field label={t.email}>
              <input
                type="text"
                inputMode="email"
                spellCheck={false}
                value={contact.email ?? ''}
                onChange={(event) => update(index, { email: event.target.value })}
              />
            </Field>
            <Field label={t.phone}>
              <input
                value={contact.phone}
                onChange={(event) => update(index, { phone: event.target.value })}
              />
            </Field>
            <Field label={t.address} wide>
              <input
                value={contact.addressLine1}
                onChange={(event) => update(index, { addressLine1: event.target.value })}
              />
            </Field>
            <Field label={t.postalCode}>
              <input
                value={contact.postalCode}
                onChange={(event) => update(index, { postalCode: event.target.value })}
              />
            </Field>
            <Field label={t.city}>
              <input
                value={contact.city}
                onChange={(event) => update(index, { city: event.target.value })}
              />
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={contact.receivesInvoices}
              onChange={(event) => update(index, { receivesInvoices: event.target.checked })}
            />
            {t.receivesInvoices}
          </label>
          {!readOnly && (
            <button type="button" onClick={() => onChange(contacts.filter((_, i) => i !== index))}>
              {t.remove}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => onChange([...contacts, emptyContact()])}>
          {t.add}
        </button>
      )}
    </div>
  );
}
