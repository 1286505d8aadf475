// The template being edited, filled with one of the facility's latest issued invoices by main
// (the same values an email would get), shortly after the user stops typing.
import { useMemo, useState } from 'react';
import { formatEuros, formatPeriodFr } from '../../../shared/money';
import type { DocType, TemplateLanguage } from '../../../shared/templates';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useCall, useDebounced } from '../../hooks';
import { fr } from '../../i18n/fr';

const t = fr.templates.preview;

interface Props {
  facilityId: number;
  docType: DocType;
  language: TemplateLanguage;
  subject: string;
  body: string;
}

function Preview({ invoiceId, ...text }: Props & { invoiceId: number }) {
  // Debounced as text: a new object on every render would never settle.
  const key = useDebounced(JSON.stringify({ ...text, invoiceId }), 300);
  const request = useMemo(() => JSON.parse(key) as Props & { invoiceId: number }, [key]);
  const [preview] = useCall('templates:preview', request);
  if (preview.status === 'loading') return <p>{fr.loading}</p>;
  if (preview.status === 'error') return <ErrorNotice error={preview.error} />;
  const result = preview.value;
  // The editor lists the problems above; saying them twice would only add noise.
  if (!result.ok) {
    return (
      <p className="placeholder" role="region" aria-label={t.label}>
        {t.fixFirst(result.issues.length)}
      </p>
    );
  }
  return (
    <div className="template-preview" role="region" aria-label={t.label}>
      <p>
        <strong>{`${t.subject} : `}</strong>
        <span data-testid="preview-subject">{result.subject}</span>
      </p>
      <pre data-testid="preview-text">{result.text}</pre>
    </div>
  );
}

export function TemplatePreviewPanel(props: Props) {
  const [samples] = useCall('templates:invoices', { facilityId: props.facilityId });
  const [chosen, setChosen] = useState<number | null>(null);
  if (samples.status === 'loading') return null;
  if (samples.status === 'error') return <ErrorNotice error={samples.error} />;
  const invoiceId = chosen ?? samples.value[0]?.id ?? null;
  return (
    <section className="template-preview-panel" aria-label={t.title}>
      <h3>{t.title}</h3>
      {invoiceId === null ? (
        <p className="placeholder">{t.none}</p>
      ) : (
        <>
          <Field label={t.invoice}>
            <select value={invoiceId} onChange={(e) => setChosen(Number(e.target.value))}>
              {samples.value.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${s.number} – ${s.residentName} – ${formatPeriodFr(s.period)} – ${formatEuros(s.totalCents)}`}
                </option>
              ))}
            </select>
          </Field>
          <Preview {...props} invoiceId={invoiceId} />
        </>
      )}
    </section>
  );
}
