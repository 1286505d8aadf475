// The one list of calls between renderer and main. Each channel is `domain:verb` with a zod
// schema for its input and its output; the preload, the IPC binding, the web host routes and
// the renderer client are all derived from this object.
import { z } from 'zod';
import './zod-locale';
import { aboutSchema } from './schemas/app';
import {
  chooseProgramInputSchema,
  chooseProgramSchema,
  workstationPrefsSaveInputSchema,
  workstationPrefsSchema,
} from './schemas/prefs';
import { mailHandoverInputSchema, mailHandoverSchema } from './schemas/handover';
import { dashboardInputSchema, dashboardSchema } from './schemas/dashboard';
import {
  receiptCheckResultSchema,
  receiptSaveInputSchema,
  receiptSettingsDetailSchema,
  receiptTestInputSchema,
  receiptTestResultSchema,
} from './schemas/receipts';
import {
  billingRunInputSchema,
  billingRunSchema,
  creditNoteInputSchema,
  invoiceDetailSchema,
  invoiceListInputSchema,
  invoicePdfInputSchema,
  invoicePdfSchema,
  invoiceRowSchema,
  invoiceWindowInputSchema,
  invoiceWindowSchema,
  issueRunInputSchema,
} from './schemas/billing';
import {
  authStateSchema,
  sessionUserSchema,
  setupInputSchema,
  signInInputSchema,
} from './schemas/auth';
import {
  attachmentUploadInputSchema,
  presendInputSchema,
  presendSchema,
  recipientsInputSchema,
  recipientsSchema,
  storedAttachmentSchema,
} from './schemas/mail-presend';
import {
  overduePayerSchema,
  remindersListInputSchema,
  remindersPrintInputSchema,
  remindersPrintSchema,
  remindersSendInputSchema,
  remindersSendSchema,
} from './schemas/reminders';
import { dbCreateInputSchema, dbOpenInputSchema, dbStatusSchema } from './schemas/db';
import { mailSettingsDetailSchema, mailSettingsSaveInputSchema } from './schemas/mail';
import {
  mailFailureSchema,
  mailFailuresInputSchema,
  mailSendInputSchema,
  mailUnlockInputSchema,
} from './schemas/mail-send';
import {
  batchRefInputSchema,
  batchThrottleInputSchema,
  enqueueInputSchema,
  mailBatchSchema,
  queueSettingsDetailSchema,
  queueSettingsSaveInputSchema,
  retryFailedInputSchema,
} from './schemas/mail-queue';
import {
  mailPreviewInputSchema,
  mailPreviewSchema,
  mailSetupInputSchema,
  mailSetupSchema,
} from './schemas/mail-preview';
import {
  oauthAccountResultSchema,
  oauthFinishInputSchema,
  oauthStartResultSchema,
  ownMailboxInputSchema,
  ownMailboxSchema,
} from './schemas/oauth';
import {
  smtpGetInputSchema,
  smtpOAuthInputSchema,
  smtpPresetInputSchema,
  smtpPresetsSchema,
  smtpSaveInputSchema,
  smtpSendTestInputSchema,
  smtpSettingsDetailSchema,
  smtpStatusSchema,
  smtpTestInputSchema,
  smtpTestResultSchema,
} from './schemas/smtp';
import {
  facilityDetailSchema,
  facilitySaveInputSchema,
  userDetailSchema,
  userSaveInputSchema,
} from './schemas/settings';
import {
  importInputSchema,
  importPreviewInputSchema,
  importPreviewSchema,
  importResultSchema,
} from './schemas/import';
import {
  facilitySchema,
  residentListInputSchema,
  residentRefInputSchema,
  residentRowSchema,
  residentSaveInputSchema,
  residentSchema,
} from './schemas/residents';
import {
  billingRulesSaveInputSchema,
  billingRulesSchema,
  facilityRefInputSchema,
  tariffDeleteInputSchema,
  tariffSaveInputSchema,
  tariffSchema,
} from './schemas/tariffs';
import {
  absenceDeleteInputSchema,
  absenceSaveInputSchema,
  deboursDeleteInputSchema,
  deboursSaveInputSchema,
  girSaveInputSchema,
  residentBillingRefSchema,
  residentBillingSchema,
} from './schemas/resident-billing';
import {
  templateFacilityInputSchema,
  templateKeySchema,
  templatePreviewInputSchema,
  templatePreviewSchema,
  templateResetInputSchema,
  templateSampleSchema,
  templateSaveInputSchema,
  templateSchema,
  templateSummarySchema,
} from './schemas/templates';

const noInput = z.object({}).strict();

export const channels = {
  'app:about': { input: noInput, output: aboutSchema },
  'prefs:get': { input: noInput, output: workstationPrefsSchema },
  'prefs:save': { input: workstationPrefsSaveInputSchema, output: workstationPrefsSchema },
  'prefs:chooseProgram': { input: chooseProgramInputSchema, output: chooseProgramSchema },
  'db:status': { input: noInput, output: dbStatusSchema },
  'db:create': { input: dbCreateInputSchema, output: dbStatusSchema },
  'db:retry': { input: noInput, output: dbStatusSchema },
  'db:open': { input: dbOpenInputSchema, output: dbStatusSchema },
  'auth:state': { input: noInput, output: authStateSchema },
  'auth:setup': { input: setupInputSchema, output: sessionUserSchema },
  'auth:signIn': { input: signInInputSchema, output: sessionUserSchema },
  'auth:signOut': { input: noInput, output: z.object({}) },
  'facilities:list': { input: noInput, output: z.array(facilitySchema) },
  'facilities:details': { input: noInput, output: z.array(facilityDetailSchema) },
  'facilities:save': { input: facilitySaveInputSchema, output: facilityDetailSchema },
  'users:list': { input: noInput, output: z.array(userDetailSchema) },
  'users:save': { input: userSaveInputSchema, output: userDetailSchema },
  'residents:list': { input: residentListInputSchema, output: z.array(residentRowSchema) },
  'residents:get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: residentSchema,
  },
  'residents:save': { input: residentSaveInputSchema, output: residentSchema },
  'residents:archive': { input: residentRefInputSchema, output: residentSchema },
  'residents:restore': { input: residentRefInputSchema, output: residentSchema },
  'residents:importPreview': { input: importPreviewInputSchema, output: importPreviewSchema },
  'residents:import': { input: importInputSchema, output: importResultSchema },
  'billing:run': { input: billingRunInputSchema, output: billingRunSchema.nullable() },
  'billing:prepare': { input: billingRunInputSchema, output: billingRunSchema },
  'billing:issue': { input: issueRunInputSchema, output: billingRunSchema },
  'invoices:list': { input: invoiceListInputSchema, output: z.array(invoiceRowSchema) },
  'invoices:window': { input: invoiceWindowInputSchema, output: invoiceWindowSchema },
  'invoices:get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: invoiceDetailSchema,
  },
  'invoices:credit': { input: creditNoteInputSchema, output: invoiceDetailSchema },
  'invoices:pdf': { input: invoicePdfInputSchema, output: invoicePdfSchema },
  'tariffs:list': { input: facilityRefInputSchema, output: z.array(tariffSchema) },
  'tariffs:save': { input: tariffSaveInputSchema, output: z.array(tariffSchema) },
  'tariffs:delete': { input: tariffDeleteInputSchema, output: z.array(tariffSchema) },
  'tariffs:rules': { input: facilityRefInputSchema, output: billingRulesSchema },
  'tariffs:saveRules': { input: billingRulesSaveInputSchema, output: billingRulesSchema },
  'residents:billing': { input: residentBillingRefSchema, output: residentBillingSchema },
  'absences:save': { input: absenceSaveInputSchema, output: residentBillingSchema },
  'absences:delete': { input: absenceDeleteInputSchema, output: residentBillingSchema },
  'debours:save': { input: deboursSaveInputSchema, output: residentBillingSchema },
  'debours:delete': { input: deboursDeleteInputSchema, output: residentBillingSchema },
  'gir:save': { input: girSaveInputSchema, output: residentBillingSchema },
  'mailsettings:get': { input: noInput, output: mailSettingsDetailSchema },
  'mailsettings:save': { input: mailSettingsSaveInputSchema, output: mailSettingsDetailSchema },
  'mail:batches': { input: noInput, output: z.array(mailBatchSchema) },
  'mail:enqueue': { input: enqueueInputSchema, output: mailBatchSchema },
  'mail:pause': { input: batchRefInputSchema, output: mailBatchSchema },
  'mail:resume': { input: batchRefInputSchema, output: mailBatchSchema },
  'mail:cancel': { input: batchRefInputSchema, output: mailBatchSchema },
  'mail:throttle': { input: batchThrottleInputSchema, output: mailBatchSchema },
  'mail:retryfailed': { input: retryFailedInputSchema, output: mailBatchSchema },
  'mail:send': { input: mailSendInputSchema, output: mailBatchSchema },
  'mail:handover': { input: mailHandoverInputSchema, output: mailHandoverSchema },
  'mail:unlock': { input: mailUnlockInputSchema, output: mailBatchSchema },
  'mail:failures': { input: mailFailuresInputSchema, output: z.array(mailFailureSchema) },
  'reminders:list': { input: remindersListInputSchema, output: z.array(overduePayerSchema) },
  'reminders:print': { input: remindersPrintInputSchema, output: remindersPrintSchema },
  'reminders:send': { input: remindersSendInputSchema, output: remindersSendSchema },
  'mailqueue:get': { input: noInput, output: queueSettingsDetailSchema },
  'mailqueue:save': { input: queueSettingsSaveInputSchema, output: queueSettingsDetailSchema },
  'mail:presend': { input: presendInputSchema, output: presendSchema },
  'mail:recipients': { input: recipientsInputSchema, output: recipientsSchema },
  'mail:attach': { input: attachmentUploadInputSchema, output: storedAttachmentSchema },
  'mail:setup': { input: mailSetupInputSchema, output: mailSetupSchema },
  'mail:preview': { input: mailPreviewInputSchema, output: mailPreviewSchema },
  'templates:list': {
    input: templateFacilityInputSchema,
    output: z.array(templateSummarySchema),
  },
  'templates:get': { input: templateKeySchema, output: templateSchema },
  'templates:save': { input: templateSaveInputSchema, output: templateSchema },
  'templates:reset': { input: templateResetInputSchema, output: templateSchema },
  'templates:preview': { input: templatePreviewInputSchema, output: templatePreviewSchema },
  'templates:invoices': {
    input: templateFacilityInputSchema,
    output: z.array(templateSampleSchema),
  },
  'smtp:get': { input: smtpGetInputSchema, output: smtpSettingsDetailSchema },
  'smtp:save': { input: smtpSaveInputSchema, output: smtpSettingsDetailSchema },
  'smtp:test': { input: smtpTestInputSchema, output: smtpTestResultSchema },
  'smtp:sendtest': { input: smtpSendTestInputSchema, output: smtpTestResultSchema },
  'smtp:presets': { input: smtpPresetInputSchema, output: smtpPresetsSchema },
  'smtp:status': { input: noInput, output: smtpStatusSchema },
  'smtp:oauthStart': { input: smtpOAuthInputSchema, output: oauthStartResultSchema },
  'smtp:oauthFinish': { input: oauthFinishInputSchema, output: oauthAccountResultSchema },
  'smtp:oauthRevoke': { input: smtpOAuthInputSchema, output: oauthAccountResultSchema },
  'smtp:ownAccount': { input: ownMailboxInputSchema, output: ownMailboxSchema },
  'smtp:oauthStartOwn': { input: ownMailboxInputSchema, output: oauthStartResultSchema },
  'smtp:oauthRevokeOwn': { input: ownMailboxInputSchema, output: oauthAccountResultSchema },
  'dashboard:month': { input: dashboardInputSchema, output: dashboardSchema },
  'receipts:settings': { input: noInput, output: receiptSettingsDetailSchema },
  'receipts:save': { input: receiptSaveInputSchema, output: receiptSettingsDetailSchema },
  'receipts:test': { input: receiptTestInputSchema, output: receiptTestResultSchema },
  'receipts:check': { input: noInput, output: receiptCheckResultSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
