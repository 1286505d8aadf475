// The « Cadence d’envoi » section of Paramètres › Envoi des e-mails (administrator only): the
// association's default pace that every batch starts with. Seconds on screen, milliseconds in
// the file; checked here in French before saving; version-checked like the other forms.
import { useState } from 'react';
import type { QueueSettings, QueueSettingsDetail } from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormStatus } from '../../components/FormStatus';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frPace as t } from '../../i18n/fr-pace';

interface Draft {
  interval: string;
  pauseEvery: string;
  pause: string;
  dailyCap: string;
}

const seconds = (ms: number) => String(ms / 1000).replace('.', ',');

const toDraft = (s: QueueSettings): Draft => ({
  interval: seconds(s.intervalMs),
  pauseEvery: String(s.pauseEvery),
  pause: seconds(s.pauseMs),
  dailyCap: s.dailyCap === null ? '' : String(s.dailyCap),
});

/** A number typed in French (« 1,5 »), or NaN when the field holds anything else. */
function number(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed) ? NaN : Number(trimmed);
}

function read(draft: Draft, problems: string[]): QueueSettings {
  const interval = number(draft.interval);
  const pauseEvery = number(draft.pauseEvery);
  const pause = number(draft.pause);
  const cap = draft.dailyCap.trim() === '' ? null : number(draft.dailyCap);
  if (!(interval >= 0 && interval <= 600)) problems.push(t.badInterval);
  if (!(Number.isInteger(pauseEvery) && pauseEvery <= 10_000)) problems.push(t.badPauseEvery);
  if (!(pause >= 0 && pause <= 3600)) problems.push(t.badPause);
  if (cap !== null && !(Number.isInteger(cap) && cap >= 1 && cap <= 1_000_000)) {
    problems.push(t.badDailyCap);
  }
  return {
    intervalMs: Math.round(interval * 1000),
    pauseEvery,
    pauseMs: Math.round(pause * 1000),
    dailyCap: cap,
  };
}

function Editor({ detail }: { detail: QueueSettingsDetail }) {
  const [version, setVersion] = useState(detail.version);
  const [draft, setDraft] = useState(() => toDraft(detail));
  const [problems, setProblems] = useState<string[]>([]);
  const { error, done, busy, run } = useAction();
  const input = (key: keyof Draft, label: string) => (
    <Field label={label}>
      <input
        inputMode={key === 'interval' || key === 'pause' ? 'decimal' : 'numeric'}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </Field>
  );
  const save = async () => {
    const found: string[] = [];
    const settings = read(draft, found);
    setProblems(found);
    if (found.length > 0) return;
    const saved = await run(() => client.call('mailqueue:save', { ...settings, version }));
    if (saved) {
      setVersion(saved.version);
      setDraft(toDraft(saved));
    }
  };
  return (
    <section className="editor" aria-label={t.label}>
      <h3>{t.title}</h3>
      <p className="placeholder">{t.intro}</p>
      <div className="grid">
        {input('interval', t.interval)}
        {input('pauseEvery', t.pauseEvery)}
        {input('pause', t.pauseSeconds)}
        {input('dailyCap', t.dailyCap)}
      </div>
      <FormStatus problems={problems} error={error} saved={done && t.saved} />
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
      </div>
    </section>
  );
}

export function PaceSettings() {
  const [detail] = useCall('mailqueue:get', {});
  if (detail.status === 'loading') return <p>{fr.loading}</p>;
  if (detail.status === 'error') return <ErrorNotice error={detail.error} />;
  return <Editor detail={detail.value} />;
}
