// Sign-in: choose your name and type your Pli password; on a new database, create the
// administrator first. Children render only for a signed-in user.
import { useState, type ReactNode } from 'react';
import type { AuthState, SessionUser } from '../../shared/contract';
import { client, toContractError, type ContractError } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useCall } from '../hooks';
import { fr } from '../i18n/fr';
import { SessionContext } from './SessionContext';

function SignInForm({
  state,
  onSignedIn,
}: {
  state: AuthState;
  onSignedIn: (user: SessionUser) => void;
}) {
  const t = fr.auth;
  const [userId, setUserId] = useState<number | null>(state.users[0]?.id ?? null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (userId === null) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await client.call('auth:signIn', { userId, password }));
    } catch (caught) {
      setError(toContractError(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="first-run" onSubmit={(event) => void submit(event)}>
      <h1>{t.title}</h1>
      <label className="field">
        <span>{t.who}</span>
        <select value={userId ?? ''} onChange={(event) => setUserId(Number(event.target.value))}>
          {state.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.password}</span>
        <input
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button className="primary" type="submit" disabled={busy || userId === null}>
          {t.signIn}
        </button>
      </div>
    </form>
  );
}

function SetupForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const t = fr.auth.setup;
  const [form, setForm] = useState({ name: '', initials: '', login: '', password: '', email: '' });
  const [error, setError] = useState<ContractError | null>(null);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    setError(null);
    try {
      onSignedIn(
        await client.call('auth:setup', {
          ...form,
          email: form.email.trim() === '' ? null : form.email,
        }),
      );
    } catch (caught) {
      setError(toContractError(caught));
    }
  };
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={form[key]} onChange={set(key)} />
    </label>
  );
  return (
    <form className="first-run" onSubmit={(event) => void submit(event)}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {field('name', t.name)}
      {field('initials', t.initials)}
      {field('login', t.login)}
      {field('password', t.password, 'password')}
      {field('email', t.email)}
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button className="primary" type="submit">
          {t.submit}
        </button>
      </div>
    </form>
  );
}

export function AuthGate({ children }: { children: ReactNode }) {
  const [state, reload] = useCall('auth:state', {});
  const [user, setUser] = useState<SessionUser | null>(null);
  if (state.status === 'loading') return <p className="centered">{fr.loading}</p>;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const current = user ?? state.value.current;
  if (current) {
    const signOut = () => {
      void client.call('auth:signOut', {}).finally(() => {
        setUser(null);
        reload();
      });
    };
    return (
      <SessionContext.Provider value={{ user: current, signOut }}>
        {children}
      </SessionContext.Provider>
    );
  }
  return state.value.needsSetup ? (
    <SetupForm onSignedIn={setUser} />
  ) : (
    <SignInForm state={state.value} onSignedIn={setUser} />
  );
}
