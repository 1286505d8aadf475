// Every migration in order. Forward only: a shipped migration is never edited, only followed.
import type { Migration } from '../migrate';
import { migration001 } from './001-init';

export const migrations: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = migrations.length;
