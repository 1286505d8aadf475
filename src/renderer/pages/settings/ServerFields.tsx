// The fields a mail server's form shares on Paramètres › Serveur d’envoi and › Accusés de
// réception: host, port and security, then the login and its password, whose placeholder says
// whether this workstation already knows one, and the password typed with « Mémoriser sur ce
// poste » as a request carries it. Each page passes its own French text. The port stays as
// typed (a string) until parsePort reads it on save or test.
import { useState } from 'react';
import { Field, TextField } from '../../components/Field';

/** A typed port: a whole number from 1 to 65535, else null. */
export function parsePort(typed: string): number | null {
  const port = Number(typed);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

export interface ServerDraft<S extends string> {
  host: string;
  port: string;
  security: S;
}

export function ServerFields<S extends string>({
  text,
  securities,
  value,
  onChange,
}: {
  text: {
    host: string;
    hostPlaceholder: string;
    port: string;
    portPlaceholder?: string;
    security: string;
    securities: Record<S, string>;
  };
  securities: readonly S[];
  value: ServerDraft<S>;
  onChange: (changes: Partial<ServerDraft<S>>) => void;
}) {
  return (
    <>
      <TextField
        label={text.host}
        value={value.host}
        placeholder={text.hostPlaceholder}
        onChange={(host) => onChange({ host })}
      />
      <TextField
        label={text.port}
        inputMode="numeric"
        value={value.port}
        placeholder={text.portPlaceholder}
        onChange={(port) => onChange({ port })}
      />
      <Field label={text.security}>
        <select
          value={value.security}
          onChange={(e) => onChange({ security: e.target.value as S })}
        >
          {securities.map((s) => (
            <option key={s} value={s}>
              {text.securities[s]}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** The account's identifier (or, signed in with Microsoft / Google, its address). */
export function AccountField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return <TextField {...props} autoComplete="off" />;
}

/** The password typed on the form and « Mémoriser sur ce poste », as a request carries them. */
export function usePasswordEntry() {
  const [value, setValue] = useState('');
  const [remember, setRemember] = useState(true);
  return {
    value,
    setValue,
    remember,
    setRemember,
    /** The request's `password`; none when the field is empty, so the known one is kept. */
    typed: () => (value === '' ? {} : { password: { value, remember } }),
  };
}
export type PasswordEntry = ReturnType<typeof usePasswordEntry>;

export function LoginFields({
  text,
  username,
  onUsername,
  password,
  known,
  disabled,
}: {
  text: { username: string; password: string; passwordSaved: string; passwordInSession: string };
  username: string;
  onUsername: (username: string) => void;
  password: PasswordEntry;
  /** What this workstation holds already: the password field stays empty, its placeholder says. */
  known: { passwordSaved: boolean; passwordInSession: boolean };
  disabled?: boolean;
}) {
  return (
    <>
      <AccountField label={text.username} value={username} onChange={onUsername} />
      <TextField
        label={text.password}
        type="password"
        autoComplete="new-password"
        value={password.value}
        disabled={disabled}
        placeholder={
          known.passwordSaved
            ? text.passwordSaved
            : known.passwordInSession
              ? text.passwordInSession
              : ''
        }
        onChange={password.setValue}
      />
    </>
  );
}
