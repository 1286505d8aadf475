// The send queue's batches as every page sees them: loaded from mail:batches when the app shell
// mounts (so a reload mid-batch finds it still running) and reloaded on each mail:progress push
// and data change. Which batch's progress panel is open lives here too, above the routes, so the
// panel and its batch survive a change of page.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { MailBatch } from '../../shared/contract';
import { client } from '../client';
import { useEvent } from '../hooks';

export interface BatchesValue {
  batches: MailBatch[];
  /** The batch whose panel is open, or null. */
  openId: number | null;
  /** Batches whose panel was opened here: still listed once finished, to read the outcome. */
  watched: ReadonlySet<number>;
  open: (batchId: number) => void;
  close: () => void;
  /** A batch just changed by this window (mail:send, pause…): shown at once. */
  update: (batch: MailBatch) => void;
  refresh: () => void;
}

const BatchesContext = createContext<BatchesValue | null>(null);

export const isActive = (batch: MailBatch) =>
  batch.state === 'queued' || batch.state === 'running' || batch.state === 'paused';

export function BatchesProvider({ children }: { children: ReactNode }) {
  const [batches, setBatches] = useState<MailBatch[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [watched, setWatched] = useState<ReadonlySet<number>>(new Set());
  const open = useCallback((batchId: number) => {
    setOpenId(batchId);
    setWatched((set) => (set.has(batchId) ? set : new Set(set).add(batchId)));
  }, []);
  // Pushes can arrive faster than answers: only the latest request's answer is kept.
  const latest = useRef(0);
  const refresh = useCallback(() => {
    const request = ++latest.current;
    client.call('mail:batches', {}).then(
      (list) => request === latest.current && setBatches(list),
      () => undefined,
    );
  }, []);
  useEffect(refresh, [refresh]);
  useEvent('mail:progress', refresh);
  useEvent('data:changed', refresh);
  const update = useCallback(
    (batch: MailBatch) => {
      setBatches((list) => [batch, ...list.filter((b) => b.id !== batch.id)]);
      refresh();
    },
    [refresh],
  );
  const value = useMemo<BatchesValue>(
    () => ({
      batches,
      openId,
      watched,
      open,
      close: () => setOpenId(null),
      update,
      refresh,
    }),
    [batches, openId, watched, open, update, refresh],
  );
  return <BatchesContext.Provider value={value}>{children}</BatchesContext.Provider>;
}

export function useBatches(): BatchesValue {
  const value = useContext(BatchesContext);
  if (!value) throw new Error('useBatches outside BatchesProvider');
  return value;
}
