// The send queue as the renderer sees it: a batch's throttle, its state and counts, and the
// calls that create, pause, resume, cancel a batch and resend its failed messages.
import { z } from 'zod';

/** The pace of a batch: a pause between messages, and a longer one after every N messages. */
export const throttleSchema = z
  .object({
    intervalMs: z
      .number()
      .int()
      .min(0, 'Intervalle entre deux messages : 0 seconde au moins.')
      .max(600_000, 'Intervalle entre deux messages : 10 minutes au plus.'),
    /** 0 = no long pause. */
    pauseEvery: z.number().int().min(0).max(10_000),
    pauseMs: z.number().int().min(0).max(3_600_000, 'Pause : une heure au plus.'),
  })
  .strict();
export type Throttle = z.infer<typeof throttleSchema>;

/** The association default; a batch copies it when created and may be adjusted. */
export const queueSettingsSchema = throttleSchema
  .extend({
    /** Messages an SMTP account may send per day (the provider's documented limit); null = none. */
    dailyCap: z.number().int().positive().max(1_000_000).nullable(),
  })
  .strict();
export type QueueSettings = z.infer<typeof queueSettingsSchema>;

/** What Paramètres shows: the pace and the version it was read at (null: never saved). */
export const queueSettingsDetailSchema = queueSettingsSchema.extend({
  version: z.number().int().nullable(),
});
export type QueueSettingsDetail = z.infer<typeof queueSettingsDetailSchema>;

/** A save names the version it was edited from, so a concurrent change is not overwritten. */
export const queueSettingsSaveInputSchema = queueSettingsSchema.extend({
  version: z.number().int().positive().nullable(),
});

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  intervalMs: 2000,
  pauseEvery: 10,
  pauseMs: 10_000,
  dailyCap: null,
};

export const batchStateSchema = z.enum(['queued', 'running', 'paused', 'done', 'cancelled']);
export type BatchState = z.infer<typeof batchStateSchema>;

export const mailBatchSchema = z.object({
  id: z.number().int(),
  docType: z.string(),
  facilityId: z.number().int().nullable(),
  period: z.string().nullable(),
  state: batchStateSchema,
  createdAt: z.string(),
  workstation: z.string(),
  throttle: throttleSchema,
  /** 1, or 2, 4… after the server asked to slow down. */
  slowdown: z.number().int(),
  pausedCode: z.string().nullable(),
  /** French, says what to fix before resuming. */
  pausedReason: z.string().nullable(),
  finishedAt: z.string().nullable(),
  counts: z.object({
    total: z.number().int(),
    queued: z.number().int(),
    sending: z.number().int(),
    retryWait: z.number().int(),
    sent: z.number().int(),
    /** Failed and not yet resent. */
    failed: z.number().int(),
    cancelled: z.number().int(),
    resentAfterInterruption: z.number().int(),
  }),
  etaSeconds: z.number().nonnegative().nullable(),
});
export type MailBatch = z.infer<typeof mailBatchSchema>;

const id = z.number().int().positive();

export const enqueueInputSchema = z
  .object({
    /** Rows already written (issue 5's message rows) and not yet in a batch. */
    messageIds: z.array(id).min(1).max(10_000),
    throttle: throttleSchema.optional(),
  })
  .strict();

export const batchRefInputSchema = z.object({ batchId: id }).strict();

export const batchThrottleInputSchema = z
  .object({ batchId: id, throttle: throttleSchema })
  .strict();

export const retryFailedInputSchema = z
  .object({
    batchId: id,
    /** Only these failed rows; all of the batch's failed rows when absent. */
    messageIds: z.array(id).max(10_000).optional(),
  })
  .strict();
