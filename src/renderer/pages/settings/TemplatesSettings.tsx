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
import { FacilityScoped } from './FacilityScoped';
import { useCall } from '../../hooks';
import { fr } from '../../i18n/fr';
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
  return (
    <FacilityScoped texts={t} className="page templates-page">
      {(facilityId, readOnly) => (
        <TemplateChooser key={facilityId} facilityId={facilityId} readOnly={readOnly} />
      )}
    </FacilityScoped>
  );
}
