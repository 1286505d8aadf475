// Holds this workstation's connection to the shared file and its state (open, missing,
// unusable with a reason), creates the file on first start, and tells every window when
// that state changes.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PliError, type DbStatus } from '../../shared/contract';
import type { EventBus } from '../events';
import { seedDemo } from './demo';
import { schemaVersion } from './migrate';
import { openDatabase } from './open';
import { toDbError } from './sqlite-errors';
import { ChangeWatcher } from './watcher';

export type CreateKind = 'empty' | 'demo';

export class DatabaseService {
  private db: Database.Database | null = null;
  private watcher: ChangeWatcher | null = null;
  private state: DbStatus;

  constructor(
    private file: string,
    private readonly workstation: string,
    private readonly events: EventBus,
  ) {
    this.state = { state: 'missing', path: file };
  }

  status(): DbStatus {
    return this.state;
  }

  get path(): string {
    return this.file;
  }

  /** Opens another file (for example the association's share) instead of the current one. */
  switchTo(file: string): DbStatus {
    this.close();
    this.file = path.resolve(file);
    return this.open();
  }

  /** Opens the file if it exists; a missing file is a normal first start, not an error. */
  open(): DbStatus {
    this.close();
    if (!fs.existsSync(this.file)) {
      // No folder means an unreachable share, not a first start: never offer to create there.
      if (!fs.existsSync(path.dirname(this.file))) {
        return this.update({
          state: 'error',
          path: this.file,
          error: new PliError('DB_UNREACHABLE').toWire(),
        });
      }
      return this.update({ state: 'missing', path: this.file });
    }
    try {
      this.db = openDatabase(this.file, { create: false, appliedBy: this.workstation });
      this.watcher = new ChangeWatcher(this.db, this.events);
      this.watcher.start();
      return this.update({ state: 'open', path: this.file, schemaVersion: schemaVersion(this.db) });
    } catch (error) {
      return this.update({ state: 'error', path: this.file, error: toDbError(error).toWire() });
    }
  }

  /**
   * Builds the new file beside its final name, then links it into place, so another
   * workstation never sees a half-initialised database and two first starts cannot both win.
   * When a file is already there (another workstation was quicker), it is opened, never
   * overwritten.
   */
  async create(kind: CreateKind): Promise<DbStatus> {
    if (fs.existsSync(this.file) || !fs.existsSync(path.dirname(this.file))) return this.open();
    const temp = `${this.file}.${process.pid}.${Date.now()}.creating`;
    let db: Database.Database | undefined;
    try {
      db = openDatabase(temp, { create: true, appliedBy: this.workstation });
      if (kind === 'demo') await seedDemo(db);
      db.close();
      fs.linkSync(temp, this.file);
    } catch (error) {
      db?.close();
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.open();
      throw toDbError(error);
    } finally {
      fs.rmSync(temp, { force: true });
    }
    return this.open();
  }

  connection(): Database.Database {
    if (!this.db) throw new PliError('DB_NOT_OPEN');
    return this.db;
  }

  /** After a local write: tell this workstation's windows now, not at the next poll. */
  changed(): void {
    this.watcher?.poll();
  }

  close(): void {
    this.watcher?.stop();
    this.watcher = null;
    this.db?.close();
    this.db = null;
  }

  private update(next: DbStatus): DbStatus {
    this.state = next;
    this.events.emit('db:changed', next);
    return next;
  }
}
