// Paramètres › Ce poste (every user): this workstation's name, shown in the audit and on the
// journal's envelopes, and its method for single e-mails: Pli's own server, or a hand-off to
// Outlook, Thunderbird or the default mail program. For Outlook and Thunderbird the page says
// where Pli found the program, or « introuvable », and « Choisir le programme… » takes its full
// path (checked by prefs:save: it must exist and be a program). Kept in the workstation's own
// preferences through prefs:get / prefs:save, never in the shared file.
import { useId, useState } from 'react';
import type { MailMethod, WorkstationPrefs } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormStatus } from '../../components/FormStatus';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frWorkstation as t } from '../../i18n/fr-workstation';
import { OwnMailbox } from './SmtpOAuth';

const METHODS: readonly MailMethod[] = ['smtp', 'outlook', 'thunderbird', 'system'];
type Program = 'outlook' | 'thunderbird';
type Paths = WorkstationPrefs['clientPaths'];

/** Where the chosen program is: found by Pli, chosen by hand, or nowhere; and the path field. */
function ProgramPath({
  program,
  prefs,
  value,
  onChange,
}: {
  program: Program;
  prefs: WorkstationPrefs;
  value: string;
  onChange: (value: string) => void;
}) {
  const [open, setOpen] = useState(value !== '');
  const hint = useId();
  const browse = useAction();
  const pick = async () => {
    const chosen = await browse.run(() => client.call('prefs:chooseProgram', { program }));
    if (chosen?.path) onChange(chosen.path);
  };
  const chosen = prefs.clientPaths[program];
  const detected = prefs.detected[program];
  return (
    <div className="program-path" aria-label={t.program(program)} role="group">
      {chosen ? (
        <p data-testid="program-status">{t.chosen(chosen)}</p>
      ) : detected ? (
        <p data-testid="program-status">{t.found(detected)}</p>
      ) : (
        <p className="notice notice-warning" data-testid="program-status">
          {t.missing(program)}
        </p>
      )}
      {open ? (
        <>
          <Field label={t.path(program)} wide>
            <input
              value={value}
              spellCheck={false}
              aria-describedby={hint}
              onChange={(e) => onChange(e.target.value)}
            />
          </Field>
          <p id={hint} className="placeholder">
            {t.pathHint(program)}
          </p>
          {prefs.canBrowse && (
            <button type="button" disabled={browse.busy} onClick={() => void pick()}>
              {t.browse}
            </button>
          )}
          {browse.error && <ErrorNotice error={browse.error} />}
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t.choose}
        </button>
      )}
    </div>
  );
}

const isAbsolute = (path: string) => /^([A-Za-z]:[\\/]|\\\\|\/)/.test(path);

function Editor({ initial }: { initial: WorkstationPrefs }) {
  const [prefs, setPrefs] = useState(initial);
  const [name, setName] = useState(initial.workstationName);
  const [method, setMethod] = useState(initial.mailMethod);
  const [paths, setPaths] = useState<Record<Program, string>>({
    outlook: initial.clientPaths.outlook ?? '',
    thunderbird: initial.clientPaths.thunderbird ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const { error, done, busy, run } = useAction();
  const group = useId();
  const hint = useId();
  const save = async () => {
    const trimmed = name.trim();
    const typed = Object.values(paths).map((p) => p.trim());
    const found =
      trimmed === ''
        ? t.noName
        : trimmed.length > 80
          ? t.longName
          : typed.some((p) => p !== '' && !isAbsolute(p))
            ? t.relative
            : null;
    setProblem(found);
    if (found) return;
    const clientPaths: Paths = {
      outlook: paths.outlook.trim() || null,
      thunderbird: paths.thunderbird.trim() || null,
    };
    const saved = await run(() =>
      client.call('prefs:save', { workstationName: trimmed, mailMethod: method, clientPaths }),
    );
    if (saved) {
      setPrefs(saved);
      setName(saved.workstationName);
      setMethod(saved.mailMethod);
    }
  };
  return (
    <section className="editor" aria-label={t.label}>
      <h2>{t.title}</h2>
      <p className="placeholder">{t.intro}</p>
      <Field label={t.name}>
        <input
          value={name}
          maxLength={80}
          aria-describedby={hint}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <p id={hint} className="placeholder">
        {t.nameHint}
      </p>
      <fieldset>
        <legend>{t.method}</legend>
        {METHODS.map((m) => (
          <div key={m}>
            <label>
              <input
                type="radio"
                name={group}
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
              />{' '}
              {t.methods[m]}
            </label>
          </div>
        ))}
        {method !== 'smtp' && (
          <p className="notice" role="note">
            {t.handover}
          </p>
        )}
        {(method === 'outlook' || method === 'thunderbird') && (
          <ProgramPath
            key={method}
            program={method}
            prefs={prefs}
            value={paths[method]}
            onChange={(value) => setPaths({ ...paths, [method]: value })}
          />
        )}
        {method === 'system' && <p className="placeholder">{t.systemHint}</p>}
      </fieldset>
      <FormStatus problems={problem} error={error} saved={done && t.saved} />
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
      </div>
    </section>
  );
}

export function WorkstationSettings() {
  const [prefs] = useCall('prefs:get', {});
  if (prefs.status === 'loading') return <p>{fr.loading}</p>;
  if (prefs.status === 'error') return <ErrorNotice error={prefs.error} />;
  return (
    <>
      <Editor initial={prefs.value} />
      <OwnMailbox />
    </>
  );
}
