// One invoice's own files in its row of Envoi groupé: « Joindre » chooses a file on this
// workstation (kept by main through mail:attach), listed under the row's attachments with
// « Retirer »; they go with this invoice's message only, and show in its « Aperçu ».
import type { PresendInvoice } from '../../../shared/contract';
import { formatSize } from '../../i18n/fr-send';
import { frSendMessage } from '../../i18n/fr-send-message';
import { useAttachmentUpload, type StoredAttachment } from './GeneralAttachments';
import { SendError } from './SendError';

const t = frSendMessage.own;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.odt,.xls,.xlsx,.ods,.txt';

export function RowAttachments({
  row,
  files,
  readOnly,
  onChange,
}: {
  row: PresendInvoice;
  files: StoredAttachment[];
  readOnly: boolean;
  onChange: (files: StoredAttachment[]) => void;
}) {
  const { input, busy, error, add } = useAttachmentUpload(files, onChange);
  return (
    <div className="send-own" data-testid={`own-${row.number}`}>
      {files.length > 0 && (
        <ul className="send-cell-list">
          {files.map((file) => (
            <li key={file.ref}>
              {file.name}{' '}
              <small className="muted">
                ({formatSize(file.sizeBytes)}, {t.mark})
              </small>{' '}
              {!readOnly && (
                <button
                  type="button"
                  className="link"
                  aria-label={t.remove(file.name, row.number)}
                  onClick={() => onChange(files.filter((f) => f.ref !== file.ref))}
                >
                  {t.removeLabel}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            accept={ACCEPT}
            onChange={(event) => void add(event.target.files?.[0])}
          />
          <button
            type="button"
            disabled={busy}
            aria-label={t.joinRow(row.number)}
            onClick={() => input.current?.click()}
          >
            {busy ? t.adding : t.join}
          </button>
        </>
      )}
      {error && <SendError error={error} />}
    </div>
  );
}
