// mail:* queue handlers: list the batches with their counts and ETA, create a batch from message
// rows already written, pause, resume, cancel, change its pace, and resend the failures; mailqueue:* for the
// association's default pace and daily cap (the administrator's). After each change the
// service looks for work at once instead of at its next tick.
import type { z } from 'zod';
import type {
  batchRefInputSchema,
  batchThrottleInputSchema,
  enqueueInputSchema,
  queueSettingsSaveInputSchema,
  retryFailedInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import {
  cancelBatch,
  enqueueBatch,
  pauseBatch,
  resumeBatch,
  retryFailed,
  setBatchThrottle,
} from '../mail/queue/batches';
import { listBatches } from '../mail/queue/progress';
import { getQueueSettings, saveQueueSettings } from '../mail/queue/settings';

type In<S extends z.ZodType> = z.output<S>;

export function mailQueueHandlers(context: AppContext) {
  const db = () => context.db.connection();
  const changed = <T>(result: T): T => {
    context.db.changed();
    context.mailQueue.kick();
    return result;
  };
  return {
    'mail:batches': async () => {
      context.session.require();
      return context.mailQueue.withShareState(listBatches(db()));
    },
    'mail:enqueue': async (request: In<typeof enqueueInputSchema>) => {
      context.session.requireBillingRight();
      return changed(enqueueBatch(db(), context.session.actor(), request));
    },
    'mail:pause': async ({ batchId }: In<typeof batchRefInputSchema>) => {
      context.session.requireBillingRight();
      return changed(pauseBatch(db(), context.session.actor(), batchId));
    },
    'mail:resume': async ({ batchId }: In<typeof batchRefInputSchema>) => {
      context.session.requireBillingRight();
      return changed(resumeBatch(db(), context.session.actor(), batchId));
    },
    'mail:cancel': async ({ batchId }: In<typeof batchRefInputSchema>) => {
      context.session.requireBillingRight();
      return changed(cancelBatch(db(), context.session.actor(), batchId));
    },
    'mail:throttle': async (request: In<typeof batchThrottleInputSchema>) => {
      context.session.requireBillingRight();
      return changed(setBatchThrottle(db(), context.session.actor(), request));
    },
    'mail:retryfailed': async (request: In<typeof retryFailedInputSchema>) => {
      context.session.requireBillingRight();
      return changed(retryFailed(db(), context.session.actor(), request));
    },
    'mailqueue:get': async () => {
      context.session.require();
      return getQueueSettings(db());
    },
    'mailqueue:save': async ({ version, ...settings }: In<typeof queueSettingsSaveInputSchema>) => {
      context.session.requireAdmin();
      return changed(saveQueueSettings(db(), context.session.actor(), settings, version));
    },
  };
}
