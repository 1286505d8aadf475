// Paramètres › Serveur d’envoi (administrator only): host, port, security, identification, the
// provider suggested from the account's domain, « Tester la connexion » and « Envoyer un e-mail
// de test » with the French diagnosis, and the password: typed here, used for this session,
// kept in this workstation's keychain only with « Mémoriser sur ce poste ». An accepted
// self-signed certificate is shown as a warning for as long as it is pinned. The same form sets
// a facility's own server, chosen above it (SmtpScope).
import { useEffect, useState } from 'react';
import {
  DEFAULT_OAUTH_SETTINGS,
  isOAuth,
  type PresentedCertificate,
  type ProviderPreset,
  type SmtpSettings as Settings,
  type SmtpSettingsDetail,
  type SmtpTestResult,
} from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction, useDebounced } from '../../hooks';
import { frSmtp as t } from '../../i18n/fr-smtp';
import { frSmtpOAuth as to } from '../../i18n/fr-smtp-oauth';
import { useSession } from '../../session/SessionContext';
import {
  AccountField,
  LoginFields,
  parsePort,
  ServerFields,
  usePasswordEntry,
} from './ServerFields';
import { PinnedWarning, RememberRow } from './SmtpParts';
import { SmtpResult } from './SmtpResult';
import { SmtpScope } from './SmtpScope';
import { OAuthConnection, OAuthFields } from './SmtpOAuth';

type Draft = Omit<Settings, 'port'> & { port: string };

const toDraft = (s: Settings): Draft => ({
  ...s,
  oauth: s.oauth ?? DEFAULT_OAUTH_SETTINGS,
  port: s.port === null ? '' : String(s.port),
});

function readDraft(draft: Draft): Settings | null {
  if (draft.port.trim() === '') return { ...draft, port: null };
  const port = parsePort(draft.port);
  return port === null ? null : { ...draft, port };
}

function Editor({
  detail,
  onSaved,
}: {
  detail: SmtpSettingsDetail;
  onSaved: (saved: SmtpSettingsDetail) => void;
}) {
  const { user } = useSession();
  const [current, setCurrent] = useState(detail);
  const [draft, setDraft] = useState(() => toDraft(detail.settings));
  const password = usePasswordEntry();
  const [testTo, setTestTo] = useState(user.email ?? '');
  const [result, setResult] = useState<SmtpTestResult | null>(null);
  const [presets, setPresets] = useState<{
    suggested: ProviderPreset | null;
    all: ProviderPreset[];
  }>();
  const [badPort, setBadPort] = useState(false);
  const { error, done, busy, run } = useAction();
  const account = useDebounced(draft.username, 400);

  useEffect(() => {
    let live = true;
    void client.call('smtp:presets', { address: account }).then((p) => live && setPresets(p));
    return () => {
      live = false;
    };
  }, [account]);

  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const settings = () => {
    const read = readDraft(draft);
    setBadPort(read === null);
    return read;
  };
  const applyPreset = (preset: ProviderPreset) =>
    set({
      host: preset.host,
      port: String(preset.port),
      security: preset.security,
      auth: 'password',
    });

  const save = async () => {
    const s = settings();
    if (!s) return;
    setResult(null);
    const saved = await run(() =>
      client.call('smtp:save', {
        facilityId: current.facilityId,
        version: current.version,
        settings: s,
        ...password.typed(),
      }),
    );
    if (saved) {
      setCurrent(saved);
      setDraft(toDraft(saved.settings));
      password.setValue('');
      onSaved(saved);
    }
  };
  const forget = async () => {
    const s = settings();
    if (!s) return;
    const saved = await run(() =>
      client.call('smtp:save', {
        facilityId: current.facilityId,
        version: current.version,
        settings: s,
        forgetPassword: true,
      }),
    );
    if (saved) {
      setCurrent(saved);
      onSaved(saved);
    }
  };
  const check = async (kind: 'smtp:test' | 'smtp:sendtest') => {
    const s = settings();
    if (!s) return;
    setResult(null);
    const outcome = await run(() =>
      kind === 'smtp:test'
        ? client.call('smtp:test', { settings: s, ...password.typed() })
        : client.call('smtp:sendtest', { settings: s, to: testTo, ...password.typed() }),
    );
    if (outcome) setResult(outcome);
  };
  const accept = (certificate: PresentedCertificate) =>
    set({
      pinnedCertificate: {
        fingerprint256: certificate.fingerprint256,
        pem: certificate.pem,
        subject: certificate.subject,
        acceptedAt: new Date().toISOString(),
        acceptedBy: user.name,
      },
    });

  const suggested = presets?.suggested;
  const preset = presets?.all.find((p) => p.host === draft.host);
  const oauth = isOAuth(draft.auth) ? draft.auth : null;
  return (
    <section className="editor" aria-label={t.label}>
      <p className="placeholder">{t.intro}</p>
      {draft.host.trim() === '' && <p className="notice notice-warning">{t.testMode}</p>}
      {suggested && suggested.host !== draft.host && (
        <div className="notice" data-testid="smtp-suggestion">
          <p>{t.suggestion(suggested.name)}</p>
          <p className="placeholder">{suggested.note}</p>
          <button type="button" onClick={() => applyPreset(suggested)}>
            {t.applySuggestion}
          </button>
        </div>
      )}
      <div className="grid">
        <Field label={t.provider}>
          <select
            value={presets?.all.find((p) => p.host === draft.host)?.id ?? ''}
            onChange={(e) => {
              const preset = presets?.all.find((p) => p.id === e.target.value);
              if (preset) applyPreset(preset);
            }}
          >
            <option value="">{t.providerNone}</option>
            {presets?.all.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <ServerFields
          text={t}
          securities={['auto', 'tls', 'starttls', 'none'] as const}
          value={draft}
          onChange={set}
        />
        <Field label={t.auth}>
          <select
            value={draft.auth}
            onChange={(e) => set({ auth: e.target.value as Draft['auth'] })}
          >
            <option value="password">{t.auths.password}</option>
            <option value="microsoft">{to.auths.microsoft}</option>
            <option value="google">{to.auths.google}</option>
            <option value="none">{t.auths.none}</option>
          </select>
        </Field>
        {oauth && (
          <AccountField
            label={to.account}
            value={draft.username}
            onChange={(username) => set({ username })}
          />
        )}
        {draft.auth === 'password' && (
          <LoginFields
            text={t}
            username={draft.username}
            onUsername={(username) => set({ username })}
            password={password}
            known={current}
          />
        )}
      </div>
      {preset?.oauth && draft.auth === 'password' && (
        <div className="notice" data-testid="smtp-oauth-proposal">
          <p className="placeholder">{preset.note}</p>
          <p>{to.propose(to.auths[preset.oauth])}</p>
          <button type="button" onClick={() => set({ auth: preset.oauth ?? 'password' })}>
            {to.useOAuth(to.auths[preset.oauth])}
          </button>
        </div>
      )}
      {oauth && (
        <>
          <OAuthFields
            provider={oauth}
            value={draft.oauth ?? DEFAULT_OAUTH_SETTINGS}
            onChange={(value) => set({ oauth: value })}
          />
          <OAuthConnection
            key={`${oauth}|${current.version ?? 0}`}
            provider={oauth}
            account={draft.username}
            connected={current.oauthConnected}
            start={async () => {
              const s = settings();
              return s ? client.call('smtp:oauthStart', { settings: s }) : null;
            }}
            revoke={async () => {
              const s = settings();
              return s ? client.call('smtp:oauthRevoke', { settings: s }) : null;
            }}
          />
        </>
      )}
      {draft.auth === 'password' && (
        <RememberRow
          password={password}
          saved={current.passwordSaved}
          busy={busy}
          onForget={() => void forget()}
        />
      )}
      {draft.pinnedCertificate && (
        <PinnedWarning
          pinned={draft.pinnedCertificate}
          onRemove={() => set({ pinnedCertificate: null })}
        />
      )}
      {badPort && (
        <div className="notice notice-error" role="alert">
          {t.badPort}
        </div>
      )}
      {result && (
        <SmtpResult
          result={result}
          detected={draft.security === 'auto'}
          onAcceptCertificate={accept}
          onUseFound={(used) => set({ port: String(used.port), security: used.security })}
        />
      )}
      {error && <ErrorNotice error={error} />}
      {done && !result && <p className="notice notice-ok">{t.saved}</p>}
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" disabled={busy} onClick={() => void check('smtp:test')}>
          {busy ? t.testing : t.test}
        </button>
      </div>
      <div className="actions">
        <Field label={t.testAddress}>
          <input type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} />
        </Field>
        <button type="button" disabled={busy} onClick={() => void check('smtp:sendtest')}>
          {t.sendTest}
        </button>
      </div>
    </section>
  );
}

export function SmtpSettings() {
  return (
    <section className="page">
      <div className="page-header">
        <h2>{t.title}</h2>
      </div>
      <SmtpScope>{(detail, onSaved) => <Editor detail={detail} onSaved={onSaved} />}</SmtpScope>
    </section>
  );
}
