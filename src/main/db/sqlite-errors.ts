// Turns what SQLite and the file system say about the shared file into the user's words.
// "database is locked" must never reach a user: it becomes DB_LOCKED with what to do.
import { PliError, type ErrorCode } from '../../shared/contract';

const byPrefix: [string, ErrorCode][] = [
  ['SQLITE_BUSY', 'DB_LOCKED'],
  ['SQLITE_LOCKED', 'DB_LOCKED'],
  ['SQLITE_READONLY', 'DB_READ_ONLY'],
  ['SQLITE_NOTADB', 'DB_NOT_PLI'],
  ['SQLITE_CORRUPT', 'DB_CORRUPT'],
  ['SQLITE_CANTOPEN', 'DB_UNREACHABLE'],
  ['SQLITE_IOERR', 'DB_UNREACHABLE'],
  ['SQLITE_FULL', 'DB_UNREACHABLE'],
  ['EROFS', 'DB_READ_ONLY'],
  ['EACCES', 'DB_READ_ONLY'],
  ['EPERM', 'DB_READ_ONLY'],
  ['ENOENT', 'DB_UNREACHABLE'],
  ['ENOTDIR', 'DB_UNREACHABLE'],
  ['EHOSTDOWN', 'DB_UNREACHABLE'],
  ['EHOSTUNREACH', 'DB_UNREACHABLE'],
  ['ENOTCONN', 'DB_UNREACHABLE'],
  ['ETIMEDOUT', 'DB_UNREACHABLE'],
  ['EIO', 'DB_UNREACHABLE'],
];

export function toDbError(error: unknown): PliError {
  if (error instanceof PliError) return error;
  // RAISE(ABORT, 'PLI_…') in a trigger: a rule of the schema, with its own message.
  if (error instanceof Error && error.message.includes('PLI_TOO_MANY_INVOICE_ADDRESSES')) {
    return new PliError('TOO_MANY_INVOICE_ADDRESSES', undefined, { cause: error });
  }
  if (error instanceof Error && error.message.includes('PLI_INVOICE_ISSUED')) {
    return new PliError('BILLING_RUN_ISSUED', undefined, { cause: error });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const match = byPrefix.find(([prefix]) => code.startsWith(prefix));
    if (match) return new PliError(match[1], undefined, { cause: error });
  }
  return new PliError('INTERNAL', undefined, { cause: error });
}
