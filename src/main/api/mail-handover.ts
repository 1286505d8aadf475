// mail:handover: « Envoyer par e-mail » of one invoice on a workstation whose method (Paramètres
// › Ce poste) is Outlook, Thunderbird or the default mail program. Same rights as sending; no
// SMTP password is involved. Bulk sends never come here: Envoi groupé always uses mail:send.
import type { z } from 'zod';
import { PliError, type mailHandoverInputSchema, type MailHandover } from '../../shared/contract';
import type { AppContext } from '../context';
import { systemPlatform, type Platform } from '../mail/handover/clients';
import { handOver } from '../mail/handover/handover';
import { senderChecks } from './mail-send';

export function mailHandoverHandlers(context: AppContext, platform: Platform = systemPlatform()) {
  const { requireSender } = senderChecks(context);
  return {
    'mail:handover': async (
      request: z.output<typeof mailHandoverInputSchema>,
    ): Promise<MailHandover> => {
      requireSender();
      const method = context.prefs.get('mailMethod');
      if (method === 'smtp') {
        throw new PliError('INVALID_INPUT', [
          'Ce poste envoie par Pli : utilisez « Envoyer » (Paramètres › Ce poste pour changer).',
        ]);
      }
      const [invoiceId] = request.invoiceIds;
      try {
        return await handOver(
          {
            db: context.db.connection(),
            places: { databaseFile: context.db.path, dataDir: context.dataDir },
            actor: context.session.actor(),
            method,
            chosenPath:
              method === 'system'
                ? null
                : context.prefs.get(method === 'outlook' ? 'outlookPath' : 'thunderbirdPath'),
            platform,
          },
          {
            invoiceId: invoiceId as number,
            requestReceipt: request.requestReceipt,
            attachmentRefs: [
              ...request.attachmentRefs,
              ...request.individualAttachments.map((a) => a.ref),
            ],
            to: request.to ?? [],
            message: request.message,
          },
        );
      } finally {
        context.db.changed();
      }
    },
  };
}
