// The sending account's password, asked at first send or when the server refused it: the field
// and « Mémoriser sur ce poste » (ticked by default: staff should not have to type it monthly).
// The value goes only into the request that needs it, never into state kept after it.
import { Field } from '../components/Field';
import { frSendProgress } from '../i18n/fr-send-progress';

export interface PasswordValue {
  value: string;
  remember: boolean;
}

const t = frSendProgress.password;

export function PasswordFields({
  password,
  onChange,
}: {
  password: PasswordValue;
  onChange: (next: PasswordValue) => void;
}) {
  return (
    <>
      <Field label={t.field}>
        <input
          type="password"
          autoComplete="off"
          value={password.value}
          onChange={(e) => onChange({ ...password, value: e.target.value })}
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={password.remember}
          onChange={(e) => onChange({ ...password, remember: e.target.checked })}
        />
        {t.remember}
      </label>
      <p className="muted">{t.rememberHelp}</p>
    </>
  );
}

/** The password asked before a send goes: the fields under their title and why they are asked. */
export function PasswordPrompt({
  password,
  onChange,
}: {
  password: PasswordValue;
  onChange: (next: PasswordValue) => void;
}) {
  return (
    <fieldset className="send-password">
      <legend>{t.title}</legend>
      <p>{t.intro}</p>
      <PasswordFields password={password} onChange={onChange} />
    </fieldset>
  );
}
