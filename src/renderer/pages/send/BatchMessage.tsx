// « Objet et texte de cet envoi »: the subject and text of the batch, from the facility's French
// « Facture » template, editable with the template editor's field picker and the shared
// validator while typing. Only French recipients get the edited text; the others keep their
// language's template, as the page says. The parent gets the edit (null: the template as it
// is) and whether it may be sent; nothing is saved to the template.
import { useMemo, useRef, useState } from 'react';
import type { EmailTemplate } from '../../../shared/contract';
import { templateIssues, type FieldName, type TemplateText } from '../../../shared/templates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { frSendMessage } from '../../i18n/fr-send-message';
import { FieldPicker, insertField, TemplateIssueList } from '../settings/FieldPicker';

const t = frSendMessage.message;

export interface BatchEdit {
  /** null: the templates as they are. */
  message: TemplateText | null;
  valid: boolean;
}

export function BatchMessage({
  facilityId,
  readOnly,
  onChange,
}: {
  facilityId: number;
  readOnly: boolean;
  onChange: (edit: BatchEdit) => void;
}) {
  const [template] = useCall('templates:get', {
    facilityId,
    docType: 'facture',
    language: 'fr',
  });
  return (
    <section className="send-message" aria-labelledby="send-message-title">
      <h2 id="send-message-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <p className="notice">{t.languages}</p>
      {template.status === 'loading' && <p role="status">{t.loading}</p>}
      {template.status === 'error' && <ErrorNotice error={template.error} />}
      {template.status === 'ok' && (
        <Editor template={template.value} readOnly={readOnly} onChange={onChange} />
      )}
    </section>
  );
}

function Editor({
  template,
  readOnly,
  onChange,
}: {
  template: EmailTemplate;
  readOnly: boolean;
  onChange: (edit: BatchEdit) => void;
}) {
  const [text, setText] = useState<TemplateText>({
    subject: template.subject,
    body: template.body,
  });
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const target = useRef<'subject' | 'body'>('body');
  const issues = useMemo(() => templateIssues(text), [text]);
  const edited = text.subject !== template.subject || text.body !== template.body;

  const change = (next: TemplateText) => {
    setText(next);
    const same = next.subject === template.subject && next.body === template.body;
    const valid =
      templateIssues(next).length === 0 && next.subject.trim() !== '' && next.body !== '';
    onChange({ message: same ? null : next, valid });
  };
  const insert = (name: FieldName) => {
    const isSubject = target.current === 'subject';
    insertField(
      isSubject ? subjectRef.current : bodyRef.current,
      isSubject ? text.subject : text.body,
      name,
      (value) => change(isSubject ? { ...text, subject: value } : { ...text, body: value }),
    );
  };
  return (
    <>
      <fieldset disabled={readOnly} className="plain">
        <FieldPicker onPick={insert} />
        <Field label={fr.templates.subject} wide>
          <input
            ref={subjectRef}
            value={text.subject}
            onFocus={() => (target.current = 'subject')}
            onChange={(e) => change({ ...text, subject: e.target.value })}
          />
        </Field>
        <Field label={fr.templates.body} wide>
          <textarea
            ref={bodyRef}
            rows={8}
            value={text.body}
            onFocus={() => (target.current = 'body')}
            onChange={(e) => change({ ...text, body: e.target.value })}
          />
        </Field>
      </fieldset>
      <TemplateIssueList issues={issues} title={t.issuesTitle} />
      {edited && !readOnly && (
        <div className="actions">
          <span className="placeholder">{t.edited}</span>
          <button
            type="button"
            onClick={() => change({ subject: template.subject, body: template.body })}
          >
            {t.restore}
          </button>
        </div>
      )}
    </>
  );
}
