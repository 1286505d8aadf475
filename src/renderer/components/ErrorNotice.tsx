// A contract error as the user sees it: the French message, and its details when useful.
import type { ContractError } from '../client';

export function ErrorNotice({
  error,
}: {
  error: Pick<ContractError, 'message' | 'details' | 'code'>;
}) {
  return (
    <div className="notice notice-error" role="alert" data-code={error.code}>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
