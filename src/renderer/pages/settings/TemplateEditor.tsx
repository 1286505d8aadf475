// One template's subject and text: a field picker that inserts `{{…}}` where the cursor was,
// the problems of the text shown while typing (the shared validator, in French), Enregistrer
// only when there are none, « Revenir au modèle par défaut », and a preview with an invoice.
import { useMemo, useRef, useState } from 'react';
import type { EmailTemplate } from '../../../shared/contract';
import { templateIssues, type FieldName } from '../../../shared/templates';
import { client } from '../../client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks';
import { fr } from '../../i18n/fr';
import { FieldPicker, insertField, TemplateIssueList } from './FieldPicker';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';

const t = fr.templates;

export function TemplateEditor({
  template,
  readOnly,
  onChanged,
}: {
  template: EmailTemplate;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const [current, setCurrent] = useState(template);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Where the field picker inserts: the last of the two fields the user was in (the text first).
  const target = useRef<'subject' | 'body'>('body');
  const { error, busy, run } = useAction();

  const issues = useMemo(() => templateIssues({ subject, body }), [subject, body]);
  const dirty = subject !== current.subject || body !== current.body;

  const insert = (name: FieldName) => {
    const isSubject = target.current === 'subject';
    insertField(
      isSubject ? subjectRef.current : bodyRef.current,
      isSubject ? subject : body,
      name,
      isSubject ? setSubject : setBody,
    );
    setNotice(null);
  };

  const applied = (next: EmailTemplate, message: string) => {
    setCurrent(next);
    setSubject(next.subject);
    setBody(next.body);
    setNotice(message);
    onChanged();
  };
  const save = async () => {
    const key = {
      facilityId: current.facilityId,
      docType: current.docType,
      language: current.language,
    };
    const saved = await run(() =>
      client.call('templates:save', { ...key, version: current.version, subject, body }),
    );
    if (saved) applied(saved, t.saved);
  };
  const reset = async () => {
    setConfirmReset(false);
    const key = {
      facilityId: current.facilityId,
      docType: current.docType,
      language: current.language,
    };
    const back = await run(() =>
      client.call('templates:reset', { ...key, version: current.version }),
    );
    if (back) applied(back, t.resetDone);
  };

  return (
    <section className="editor template-editor" aria-label={t.editorLabel}>
      <p className="notice">
        {current.customised ? t.customised(current.updatedBy, current.updatedAt) : t.isDefault}
      </p>
      <fieldset disabled={readOnly} className="plain">
        <FieldPicker onPick={insert} />
        <Field label={t.subject} wide>
          <input
            ref={subjectRef}
            value={subject}
            onFocus={() => (target.current = 'subject')}
            onChange={(e) => {
              setSubject(e.target.value);
              setNotice(null);
            }}
          />
        </Field>
        <Field label={t.body} wide>
          <textarea
            ref={bodyRef}
            rows={14}
            value={body}
            onFocus={() => (target.current = 'body')}
            onChange={(e) => {
              setBody(e.target.value);
              setNotice(null);
            }}
          />
        </Field>
      </fieldset>
      <TemplateIssueList issues={issues} title={t.issuesTitle} />
      {error && <ErrorNotice error={error} />}
      {notice && <p className="notice notice-ok">{notice}</p>}
      {!readOnly && (
        <div className="actions">
          <button
            className="primary"
            type="button"
            disabled={busy || issues.length > 0 || (!dirty && current.customised)}
            onClick={() => void save()}
          >
            {t.save}
          </button>
          {current.customised && (
            <button type="button" disabled={busy} onClick={() => setConfirmReset(true)}>
              {t.reset}
            </button>
          )}
          {dirty && <span className="placeholder">{t.unsaved}</span>}
        </div>
      )}
      {confirmReset && (
        <div className="notice notice-warning" role="alertdialog" aria-label={t.reset}>
          <p>{t.confirmReset}</p>
          <div className="actions">
            <button className="primary" type="button" onClick={() => void reset()}>
              {t.reset}
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              {fr.tariffs.tariffs.cancel}
            </button>
          </div>
        </div>
      )}
      <TemplatePreviewPanel
        facilityId={current.facilityId}
        docType={current.docType}
        language={current.language}
        subject={subject}
        body={body}
      />
    </section>
  );
}
