// Each way the shared file can be unusable gives its French message and a way forward (the
// state 'error' with Réessayer / choose another file), never a crash or a stack trace.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PLI_APPLICATION_ID } from '../../../src/main/db/migrate';
import { openDatabase } from '../../../src/main/db/open';
import { DatabaseService } from '../../../src/main/db/service';
import { EventBus } from '../../../src/main/events';
import { errorMessages, PliError, type ErrorCode } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const dir = tempDir();

function statusOf(file: string) {
  return new DatabaseService(file, 'ACCUEIL-1', new EventBus()).open();
}

function expectError(status: ReturnType<typeof statusOf>, code: ErrorCode) {
  expect(status).toMatchObject({ state: 'error', error: { code, message: errorMessages[code] } });
  expect(JSON.stringify(status)).not.toMatch(/at .*\.ts:\d+|SqliteError|SQLITE_/);
}

function canMakeImmutable(file: string): boolean {
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('an unusable database file', () => {
  const good = path.join(dir, 'good.sqlite');
  openDatabase(good, { create: true, appliedBy: 'test' }).close();

  it('share unreachable: the folder is gone', () => {
    expectError(statusOf(path.join(dir, 'partage-absent', 'pli.sqlite')), 'DB_UNREACHABLE');
  });

  it('file locked by another workstation longer than the wait', () => {
    const holder = new Database(good);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      openDatabase(good, { create: false, appliedBy: 'x', busyTimeoutMs: 100 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PliError);
      expect((error as PliError).code).toBe('DB_LOCKED');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('not a Pli database', () => {
    const file = path.join(dir, 'tableur.sqlite');
    fs.writeFileSync(file, 'Nom;Prénom\nDupont;Jean\n');
    expectError(statusOf(file), 'DB_NOT_PLI');
  });

  it('written by a newer Pli', () => {
    const file = path.join(dir, 'future.sqlite');
    const db = new Database(file);
    db.pragma(`application_id = ${PLI_APPLICATION_ID}`);
    db.pragma('user_version = 99');
    db.close();
    const status = statusOf(file);
    expectError(status, 'DB_NEWER_VERSION');
    expect(status.state === 'error' && status.error.details).toEqual([
      'Version du fichier : 99',
      expect.stringMatching(/^Version prise en charge par ce poste : \d+$/),
    ]);
  });

  it('read-only share', (context) => {
    const file = path.join(dir, 'lecture-seule.sqlite');
    fs.copyFileSync(good, file);
    if (!canMakeImmutable(file)) {
      context.skip('chattr +i indisponible (droits root requis) : lecture seule non simulable ici');
    }
    try {
      expectError(statusOf(file), 'DB_READ_ONLY');
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
  });

  it('recovers on retry once the cause is fixed', () => {
    const file = path.join(dir, 'retry', 'pli.sqlite');
    const service = new DatabaseService(file, 'ACCUEIL-1', new EventBus());
    expect(service.open()).toMatchObject({ state: 'error', error: { code: 'DB_UNREACHABLE' } });
    fs.mkdirSync(path.dirname(file));
    fs.copyFileSync(good, file);
    expect(service.open()).toMatchObject({ state: 'open' });
    service.close();
  });
});
