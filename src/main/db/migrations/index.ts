// Every migration in order. Forward only: a shipped migration is never edited, only followed.
import type { Migration } from '../migrate';
import { migration001 } from './001-init';
import { migration002 } from './002-domain';
import { migration003 } from './003-billing';
import { migration004 } from './004-issuing';
import { migration005 } from './005-mail';
import { migration006 } from './006-mail-queue';
import { migration007 } from './007-reminders';
import { migration008 } from './008-receipts';
import { migration009 } from './009-handover';
import { migration010 } from './010-queue-indexes';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
