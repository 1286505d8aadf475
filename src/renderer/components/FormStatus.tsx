// What a form says under its fields: the problems found before saving (checked on screen),
// the error the save came back with, or that it was saved. One place, so every form reads
// the same way and screen readers hear problems (alert) and success (status) alike.
import type { ContractError } from '../client';
import { ErrorNotice } from './ErrorNotice';

export function FormStatus({
  problems = [],
  error = null,
  saved = null,
}: {
  problems?: readonly string[] | string | null;
  error?: Pick<ContractError, 'message' | 'details' | 'code'> | null;
  saved?: string | null | false;
}) {
  const list = problems === null ? [] : typeof problems === 'string' ? [problems] : problems;
  return (
    <>
      {list.length === 1 && (
        <p className="notice notice-error" role="alert">
          {list[0]}
        </p>
      )}
      {list.length > 1 && (
        <div className="notice notice-error" role="alert">
          <ul>
            {list.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {saved && (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      )}
    </>
  );
}
