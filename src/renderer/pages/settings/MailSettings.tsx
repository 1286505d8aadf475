// Paramètres › Envoi des e-mails (administrator only): whose address the families see, where
// their replies go, the automatic copy, the receipt default, and what may be attached. Shows
// the defaults until first saved; keeps the version it last saved so a second save is not a
// conflict with itself. Sizes are typed in Mo and stored in bytes. The default pace of a batch
// follows in its own section (PaceSettings), saved on its own.
import { useState } from 'react';
import {
  attachmentTypes,
  MEGABYTE,
  type AttachmentType,
  type MailSettingsDetail,
  type SenderMode,
} from '../../../shared/contract';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormStatus } from '../../components/FormStatus';
import { Field } from '../../components/Field';
import { useAction, useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { PaceSettings } from './PaceSettings';

const t = fr.mailSettings;
type Settings = MailSettingsDetail['settings'];
type Draft = Omit<Settings, 'maxMessageBytes' | 'warnFileBytes'> & {
  maxMessageMb: string;
  warnFileMb: string;
};

const toMb = (bytes: number) => String(Math.round((bytes / MEGABYTE) * 10) / 10).replace('.', ',');

function toDraft({ maxMessageBytes, warnFileBytes, ...rest }: Settings): Draft {
  return { ...rest, maxMessageMb: toMb(maxMessageBytes), warnFileMb: toMb(warnFileBytes) };
}

function readMb(text: string, label: string, problems: string[]): number {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) problems.push(t.badSize(label));
  return Math.round(value * MEGABYTE);
}

function Editor({ detail }: { detail: MailSettingsDetail }) {
  const [current, setCurrent] = useState(detail);
  const [draft, setDraft] = useState(() => toDraft(detail.settings));
  const [problems, setProblems] = useState<string[]>([]);
  const { error, done, busy, run } = useAction();
  const text = (key: 'associationAddress' | 'associationName' | 'replyTo', label: string) => (
    <Field label={label}>
      <input
        type={key === 'associationName' ? 'text' : 'email'}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </Field>
  );
  const check = (key: 'bccSender' | 'requestReceipt', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })}
      />
      {label}
    </label>
  );
  const toggleType = (type: AttachmentType, on: boolean) =>
    setDraft({
      ...draft,
      allowedTypes: on
        ? attachmentTypes.filter((x) => x === type || draft.allowedTypes.includes(x))
        : draft.allowedTypes.filter((x) => x !== type),
    });
  const save = async () => {
    const found: string[] = [];
    const { maxMessageMb, warnFileMb, ...rest } = draft;
    const settings = {
      ...rest,
      maxMessageBytes: readMb(maxMessageMb, t.maxMessage, found),
      warnFileBytes: readMb(warnFileMb, t.warnFile, found),
    };
    setProblems(found);
    if (found.length > 0) return;
    const saved = await run(() =>
      client.call('mailsettings:save', { version: current.version, settings }),
    );
    if (saved) {
      setCurrent(saved);
      setDraft(toDraft(saved.settings));
    }
  };
  return (
    <section className="editor" aria-label={t.label}>
      {current.version === null && <p className="notice">{t.defaults}</p>}
      <h3>{t.sender}</h3>
      <Field label={t.senderMode} wide>
        <select
          value={draft.senderMode}
          onChange={(e) => setDraft({ ...draft, senderMode: e.target.value as SenderMode })}
        >
          <option value="association">{t.senderModes.association}</option>
          <option value="user">{t.senderModes.user}</option>
        </select>
      </Field>
      <p className="placeholder">{t.senderModeHelp[draft.senderMode]}</p>
      <div className="grid">
        {text('associationAddress', t.associationAddress)}
        {text('associationName', t.associationName)}
        {text('replyTo', t.replyTo)}
      </div>
      <p className="placeholder">{t.replyToHelp}</p>
      {check('bccSender', t.bccSender)}
      {check('requestReceipt', t.requestReceipt)}
      <h3>{t.attachments}</h3>
      <div className="grid">
        <Field label={t.maxMessage}>
          <input
            inputMode="decimal"
            value={draft.maxMessageMb}
            onChange={(e) => setDraft({ ...draft, maxMessageMb: e.target.value })}
          />
        </Field>
        <Field label={t.warnFile}>
          <input
            inputMode="decimal"
            value={draft.warnFileMb}
            onChange={(e) => setDraft({ ...draft, warnFileMb: e.target.value })}
          />
        </Field>
      </div>
      <fieldset className="plain">
        <legend>{t.allowedTypes}</legend>
        {attachmentTypes.map((type) => (
          <label className="check" key={type}>
            <input
              type="checkbox"
              checked={draft.allowedTypes.includes(type)}
              onChange={(e) => toggleType(type, e.target.checked)}
            />
            {`.${type}`}
          </label>
        ))}
      </fieldset>
      <FormStatus problems={problems} error={error} saved={done && t.saved} />
      <div className="actions">
        <button className="primary" type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
      </div>
    </section>
  );
}

export function MailSettings() {
  const [detail] = useCall('mailsettings:get', {});
  if (detail.status === 'loading') return <p>{fr.loading}</p>;
  if (detail.status === 'error') return <ErrorNotice error={detail.error} />;
  return (
    <section className="page">
      <div className="page-header">
        <h2>{t.title}</h2>
      </div>
      <Editor detail={detail.value} />
      <PaceSettings />
    </section>
  );
}
