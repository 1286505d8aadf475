// mail:setup (what « Envoi groupé » needs to start: a facility's periods with issued factures,
// the receipt default, which only the administrator may otherwise read) and mail:preview
// (« Aperçu du message »: one invoice's email as it would leave, no row written). Everyone
// signed in may look: accueil answers families who ask what they will receive.
import type { z } from 'zod';
import type {
  MailSetup,
  mailPreviewInputSchema,
  mailSetupInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { previewInvoiceMessage } from '../mail/invoice-message';
import { loadMailSettings } from '../mail/settings';

type In<S extends z.ZodType> = z.output<S>;

const PERIODS = `
  SELECT period, count(*) AS invoices FROM invoices
  WHERE facility_id = ? AND kind = 'facture' AND status = 'issued'
  GROUP BY period ORDER BY period DESC`;

export function mailPreviewHandlers(context: AppContext) {
  return {
    'mail:setup': async ({ facilityId }: In<typeof mailSetupInputSchema>): Promise<MailSetup> => {
      context.session.require();
      const db = context.db.connection();
      return {
        periods: db.prepare(PERIODS).all(facilityId) as MailSetup['periods'],
        requestReceipt: loadMailSettings(db).requestReceipt,
      };
    },
    'mail:preview': async (input: In<typeof mailPreviewInputSchema>) => {
      const user = context.session.require();
      try {
        return await previewInvoiceMessage(
          context.db.connection(),
          { databaseFile: context.db.path, dataDir: context.dataDir },
          { userId: user.id, userName: user.name },
          input,
        );
      } finally {
        // An invoice PDF never written is written on the way, as for the pre-send check.
        context.db.changed();
      }
    },
  };
}
