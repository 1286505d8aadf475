// mail:presend (the pre-send check of a period), mail:recipients (who an invoice goes to, and
// who a single send may pick) and mail:attach (a file added to a send, kept in this
// workstation's outbox). Reading is for everyone signed in; adding files to a send needs the
// billing right, as sending does.
import type { z } from 'zod';
import type {
  attachmentUploadInputSchema,
  presendInputSchema,
  recipientsInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { storeUpload } from '../mail/attachments';
import { presend } from '../mail/presend';
import { recipientsForInvoice } from '../mail/recipients';
import { loadMailSettings } from '../mail/settings';

type In<S extends z.ZodType> = z.output<S>;

export function mailPresendHandlers(context: AppContext) {
  const db = () => {
    context.session.require();
    return context.db.connection();
  };
  return {
    'mail:presend': async (input: In<typeof presendInputSchema>) => {
      try {
        return await presend(
          db(),
          { databaseFile: context.db.path, dataDir: context.dataDir },
          input,
        );
      } finally {
        // PDFs written on the way are recorded in the shared file.
        context.db.changed();
      }
    },
    'mail:recipients': async ({ invoiceId }: In<typeof recipientsInputSchema>) =>
      recipientsForInvoice(db(), invoiceId),
    'mail:attach': async (upload: In<typeof attachmentUploadInputSchema>) => {
      context.session.requireBillingRight();
      const { ref, name, sizeBytes, warning } = storeUpload(
        context.dataDir,
        upload,
        loadMailSettings(db()),
      );
      return { ref, name, sizeBytes, warning };
    },
  };
}
