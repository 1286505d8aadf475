// templates:*: each facility's email templates. Everyone signed in reads them and previews
// them with a real invoice (accueil answers families' questions); admin and facturation change
// them. A preview fills the text being edited, so it shows the problems instead of refusing.
import type { z } from 'zod';
import type {
  TemplatePreview,
  TemplateSample,
  templateFacilityInputSchema,
  templateKeySchema,
  templatePreviewInputSchema,
  templateResetInputSchema,
  templateSaveInputSchema,
} from '../../shared/contract';
import { describeLocatedIssue, render } from '../../shared/templates';
import type { AppContext } from '../context';
import { invoiceTemplateValues } from '../mail/template-values';
import { getTemplate, listTemplates, resetTemplate, saveTemplate } from '../mail/templates';

type In<S extends z.ZodType> = z.output<S>;

/** The facility's latest issued invoices, to fill a preview with. */
const SAMPLES = `
  SELECT i.id, i.number, i.period, i.total_cents AS totalCents,
         r.civilite || ' ' || r.prenom || ' ' || r.nom AS residentName
  FROM invoices i JOIN residents r ON r.id = i.resident_id
  WHERE i.facility_id = ? AND i.status = 'issued' AND i.kind = 'facture'
  ORDER BY i.seq DESC LIMIT 30`;

export function templateHandlers(context: AppContext) {
  const db = () => context.db.connection();
  return {
    'templates:list': async ({ facilityId }: In<typeof templateFacilityInputSchema>) => {
      context.session.require();
      return listTemplates(db(), facilityId);
    },
    'templates:get': async (key: In<typeof templateKeySchema>) => {
      context.session.require();
      return getTemplate(db(), key);
    },
    'templates:save': async (request: In<typeof templateSaveInputSchema>) => {
      context.session.requireSettingsRight();
      const saved = saveTemplate(db(), context.session.actor(), request);
      context.db.changed();
      return saved;
    },
    'templates:reset': async (request: In<typeof templateResetInputSchema>) => {
      context.session.requireSettingsRight();
      const reset = resetTemplate(db(), context.session.actor(), request);
      context.db.changed();
      return reset;
    },
    'templates:preview': async (
      request: In<typeof templatePreviewInputSchema>,
    ): Promise<TemplatePreview> => {
      const user = context.session.require();
      const { values } = invoiceTemplateValues(db(), request.invoiceId, user.name);
      const result = render(request, values, request.language);
      if (result.ok) return result;
      return {
        ok: false,
        issues: result.issues.map((issue) => ({
          part: issue.part,
          kind: issue.kind,
          raw: issue.raw,
          index: issue.index,
          length: issue.length,
          suggestion: issue.suggestion,
          message: describeLocatedIssue(issue),
        })),
      };
    },
    'templates:invoices': async ({
      facilityId,
    }: In<typeof templateFacilityInputSchema>): Promise<TemplateSample[]> => {
      context.session.require();
      return db().prepare(SAMPLES).all(facilityId) as TemplateSample[];
    },
  };
}
