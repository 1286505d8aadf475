// Paramètres › Modèles d’e-mails: choose a facility, a document type and a language, then
// edit that template (TemplateEditor). The lists mark the templates this facility changed.
// Admin and facturation change them; accueil reads and previews.
import { useState } from 'react';
import {
  DOC_TYPES,
  TEMPLATE_LANGUAGES,
  type DocType,
  type TemplateLanguage,
} from '../../../shared/templates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
import { useSession } from '../../session/SessionContext';
import { TemplateEditor } from './TemplateEditor';
import './templates.css';

const t = fr.templates;

function TemplateChooser({ facilityId, readOnly }: { facilityId: number; readOnly: boolean }) {
  const [docType, setDocType] = useState<DocType>('facture');
  const [language, setLanguage] = useState<TemplateLanguage>('fr');
  const [list, reloadList] = useCall('templates:list', { facilityId });
  const key = { facilityId, docType, language };
  const [template] = useCall('templates:get', key);
  const changed = (type: DocType, lang: TemplateLanguage | null) =>
    list.status === 'ok' &&
    list.value.some((s) => s.customised && s.docType === type && (!lang || s.language === lang));
  const mark = (yes: boolean) => (yes ? t.customisedMark : '');
  return (
    <>
      <div className="grid">
        <Field label={t.docType}>
          <select value={docType} onChange={(e) => setDocType(e.target.value as DocType)}>
            {DOC_TYPES.map((type) => (
              <option key={type} value={type}>
                {t.docTypes[type] + mark(changed(type, null))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.language}>
          <select
            value={language}
            onChange={(e) => setLanguage(e.target.value as TemplateLanguage)}
          >
            {TEMPLATE_LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t.languages[lang] + mark(changed(docType, lang))}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {template.status === 'loading' && <p>{fr.loading}</p>}
      {template.status === 'error' && <ErrorNotice error={template.error} />}
      {template.status === 'ok' && (
        <TemplateEditor
          // Until the newly chosen template arrives, the previous one stays on screen as it was.
          key={`${template.value.docType}/${template.value.language}`}
          template={template.value}
          readOnly={readOnly}
          onChanged={reloadList}
        />
      )}
    </>
  );
}

export function TemplatesSettings() {
  const { user } = useSession();
  const [facilities] = useCall('facilities:list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const readOnly = !user.canChangeSettings;
  if (facilities.status === 'loading') return <p>{fr.loading}</p>;
  if (facilities.status === 'error') return <ErrorNotice error={facilities.error} />;
  const facilityId = chosen ?? facilities.value[0]?.id ?? null;
  return (
    <section className="page templates-page">
      <div className="page-header">
        <h2>{t.title}</h2>
      </div>
      <p>{t.intro}</p>
      {readOnly && <p className="notice notice-warning">{t.readOnly}</p>}
      {facilityId === null ? (
        <p className="placeholder">{fr.residents.noFacility}</p>
      ) : (
        <>
          <Field label={t.facility}>
            <select value={facilityId} onChange={(e) => setChosen(Number(e.target.value))}>
              {facilities.value.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {`${facility.name} (${facility.code})`}
                </option>
              ))}
            </select>
          </Field>
          <TemplateChooser key={facilityId} facilityId={facilityId} readOnly={readOnly} />
        </>
      )}
    </section>
  );
}
