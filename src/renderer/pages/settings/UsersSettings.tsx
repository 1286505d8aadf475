// Paramètres › Utilisateurs (administrator only): who may sign in, their role, and the email
// address without which a user cannot send.
import { useState } from 'react';
import type { Role, UserDetail } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';

const t = fr.settings.users;

interface UserDraft {
  name: string;
  initials: string;
  login: string;
  role: Role;
  email: string;
  active: boolean;
  bccSelf: boolean;
  password: string;
}

function UserForm({ user, onSaved }: { user: UserDetail | null; onSaved: () => void }) {
  const [draft, setDraft] = useState<UserDraft>(
    user
      ? // Only the editable fields: users:save refuses unknown keys such as id and version.
        {
          name: user.name,
          initials: user.initials,
          login: user.login,
          role: user.role,
          email: user.email ?? '',
          active: user.active,
          bccSelf: user.bccSelf,
          password: '',
        }
      : {
          name: '',
          initials: '',
          login: '',
          role: 'accueil',
          email: '',
          active: true,
          bccSelf: false,
          password: '',
        },
  );
  const [current, setCurrent] = useState(user);
  const { error, done, run } = useAction();
  const text = (key: 'name' | 'initials' | 'login' | 'email' | 'password', type = 'text') => (
    <Field label={t.fields[key]}>
      <input
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </Field>
  );
  const save = async () => {
    const result = await run(() =>
      client.call('users:save', {
        id: current?.id ?? null,
        version: current?.version ?? null,
        user: draft,
      }),
    );
    if (result) {
      setCurrent(result);
      setDraft({ ...draft, password: '' });
      onSaved();
    }
  };
  return (
    <section className="editor" aria-label={t.formLabel}>
      <h2>{current ? current.name : t.create}</h2>
      <div className="grid">
        {text('name')}
        {text('initials')}
        {text('login')}
        <Field label={t.fields.role}>
          <select
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
          >
            {Object.entries(fr.auth.roles).map(([role, label]) => (
              <option key={role} value={role}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        {text('email')}
        {text('password', 'password')}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
        />
        {t.fields.active}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.bccSelf}
          onChange={(e) => setDraft({ ...draft, bccSelf: e.target.checked })}
        />
        {t.fields.bccSelf}
      </label>
      {error && <ErrorNotice error={error} />}
      {done && <p className="notice notice-ok">{t.saved}</p>}
      <div className="actions">
        <button className="primary" type="button" onClick={() => void save()}>
          {fr.residents.editor.save}
        </button>
      </div>
    </section>
  );
}

export function UsersSettings() {
  const [list, reload] = useCall('users:list', {});
  const [open, setOpen] = useState<{ key: number; user: UserDetail | null } | null>(null);
  if (list.status === 'loading') return <p>{fr.loading}</p>;
  if (list.status === 'error') return <ErrorNotice error={list.error} />;
  return (
    <section className="page">
      <div className="page-header">
        <h2>{t.title}</h2>
        <button className="primary" onClick={() => setOpen({ key: Date.now(), user: null })}>
          {t.create}
        </button>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.fields.name}</th>
            <th scope="col">{t.fields.role}</th>
            <th scope="col">{t.fields.email}</th>
          </tr>
        </thead>
        <tbody>
          {list.value.map((user) => (
            <tr key={user.id}>
              <td>
                <button className="link" onClick={() => setOpen({ key: Date.now(), user })}>
                  {user.name}
                </button>
                {!user.active && <span className="badge">{t.inactive}</span>}
              </td>
              <td>{fr.auth.roles[user.role]}</td>
              <td>{user.email ?? t.noEmail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <UserForm key={open.key} user={open.user} onSaved={reload} />}
    </section>
  );
}
