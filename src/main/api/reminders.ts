// reminders:* (Relances): everyone signed in reads the overdue list; printing the letters needs
// the billing right, sending needs what Envoi groupé needs (a user who may send, the account's
// password). Both record the reminders so the level advances. In a browser the letters' PDF is
// served by the web host under /files/reminders/<name>.
import path from 'node:path';
import type { z } from 'zod';
import type {
  remindersListInputSchema,
  remindersPrintInputSchema,
  remindersSendInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { listOverdue } from '../reminders/overdue';
import { printReminders } from '../reminders/print';
import { sendReminders } from '../reminders/send';
import { senderChecks } from './mail-send';

type In<S extends z.ZodType> = z.output<S>;

export function reminderHandlers(context: AppContext) {
  const db = () => context.db.connection();
  const { ensurePassword, requireSender } = senderChecks(context);

  return {
    'reminders:list': async ({ facilityId }: In<typeof remindersListInputSchema>) => {
      context.session.require();
      return listOverdue(db(), { facilityId });
    },
    'reminders:print': async ({ invoiceIds }: In<typeof remindersPrintInputSchema>) => {
      context.session.requireBillingRight();
      try {
        const printed = await printReminders(
          db(),
          context.dataDir,
          context.session.actor(),
          invoiceIds,
        );
        const fileName = path.basename(printed.file);
        if (context.openFile) {
          await context.openFile(printed.file);
          return { opened: true, url: null, fileName, letters: printed.letters };
        }
        return {
          opened: false,
          url: `/files/reminders/${fileName}`,
          fileName,
          letters: printed.letters,
        };
      } finally {
        context.db.changed();
      }
    },
    'reminders:send': async ({ invoiceIds, password }: In<typeof remindersSendInputSchema>) => {
      requireSender();
      const facilities = db()
        .prepare(
          `SELECT DISTINCT facility_id FROM invoices WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(invoiceIds)) as { facility_id: number }[];
      for (const { facility_id } of facilities) await ensurePassword(facility_id, password);
      try {
        const sent = await sendReminders(
          db(),
          { databaseFile: context.db.path, dataDir: context.dataDir },
          context.session.actor(),
          invoiceIds,
        );
        context.mailQueue.kick();
        return sent;
      } finally {
        context.db.changed();
      }
    },
  };
}
