// « Pièce jointe pour tous les messages »: a file chosen on this workstation, uploaded once
// (mail:attach keeps it in the workstation's outbox and answers a ref), its size warning, and
// the refusals (type, size, unreadable) in French. The refs feed the check and the preview.
import { useRef } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { client } from '../../client';
import { useAction } from '../../hooks';
import { formatSize, frSend } from '../../i18n/fr-send';
import { SendError } from './SendError';

export type StoredAttachment = ChannelOutput<'mail:attach'>;
const t = frSend.general;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.odt,.xls,.xlsx,.ods,.txt';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** One file of this workstation kept by main for the send (mail:attach), its ref answered. */
export async function uploadAttachment(file: File): Promise<StoredAttachment> {
  return client.call('mail:attach', {
    name: file.name,
    contentBase64: toBase64(await file.arrayBuffer()),
  });
}

/**
 * A file input that uploads the chosen file (once: a ref already in `files` is not added
 * again), empties itself for the next choice, and reports the refusal if there is one.
 */
export function useAttachmentUpload(
  files: StoredAttachment[],
  onChange: (files: StoredAttachment[]) => void,
) {
  const input = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useAction();
  const add = async (file: File | undefined) => {
    if (!file) return;
    const stored = await run(() => uploadAttachment(file));
    if (input.current) input.current.value = '';
    if (stored && !files.some((f) => f.ref === stored.ref)) onChange([...files, stored]);
  };
  return { input, busy, error, add };
}

export function GeneralAttachments({
  files,
  readOnly,
  onChange,
}: {
  files: StoredAttachment[];
  readOnly: boolean;
  onChange: (files: StoredAttachment[]) => void;
}) {
  const { input, busy, error, add } = useAttachmentUpload(files, onChange);
  return (
    <section className="send-general" aria-labelledby="send-general-title">
      <h2 id="send-general-title">{t.title}</h2>
      <p className="muted">{t.help(ACCEPT.replaceAll(',', ', '))}</p>
      {files.length > 0 && (
        <ul className="send-files">
          {files.map((file) => (
            <li key={file.ref}>
              <span>
                {file.name} <small className="muted">({formatSize(file.sizeBytes)})</small>
              </span>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={t.remove(file.name)}
                  onClick={() => onChange(files.filter((f) => f.ref !== file.ref))}
                >
                  {t.removeLabel}
                </button>
              )}
              {file.warning && (
                <p className="notice notice-warning" role="status">
                  {file.warning.message}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <label className="field">
          <span>{t.choose}</span>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            onChange={(event) => void add(event.target.files?.[0])}
          />
        </label>
      )}
      {busy && <p role="status">{t.adding}</p>}
      {error && <SendError error={error} />}
    </section>
  );
}
