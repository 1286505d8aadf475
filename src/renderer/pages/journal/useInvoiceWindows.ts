// The journal's rows, fetched in windows of PAGE rows (invoices:window) as the table shows
// them, so that every invoice of the network is reachable by scrolling while only a few
// hundred are ever held. A few windows are kept around what is on screen; a change of filters
// or sort starts again from nothing; `refresh` (another workstation's change, a message
// leaving) reloads the windows on screen in place, so the scroll position holds.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, InvoiceRow } from '../../../shared/contract';
import { client, toContractError, type ContractError } from '../../client';

export type JournalQuery = Omit<ChannelInput<'invoices:window'>, 'offset' | 'limit'>;

/** Rows per call: about four screens, one call while scrolling steadily. */
export const PAGE = 200;
/** Windows kept in memory, the nearest to the screen first. */
const KEEP = 6;

interface Windows {
  key: string;
  /** Every matching invoice; null until the first window of this query arrives. */
  total: number | null;
  pages: Map<number, InvoiceRow[]>;
  error: ContractError | null;
}

export interface InvoiceWindows {
  /** Null before the first answer; the previous query's total while a new one loads. */
  total: number | null;
  error: ContractError | null;
  /** Whether some row on screen is still a placeholder. */
  loading: boolean;
  rowAt: (index: number) => InvoiceRow | undefined;
  /** The table says which rows are on screen: their windows are fetched if missing. */
  show: (first: number, last: number) => void;
  refresh: () => void;
}

export function useInvoiceWindows(query: JournalQuery): InvoiceWindows {
  const key = JSON.stringify(query);
  const [state, setState] = useState<Windows>(() => ({
    key,
    total: null,
    pages: new Map(),
    error: null,
  }));
  /** The windows (page numbers) holding the rows on screen: changes only at a window's edge. */
  const [onScreen, setOnScreen] = useState({ key, from: 0, to: 0 });
  const latest = useRef({ key, from: 0, to: 0, generation: 0 });
  /** Windows asked for and not answered yet, per query and generation (see refresh). */
  const inFlight = useRef(new Set<string>());

  const fetchPage = useCallback((queryKey: string, page: number) => {
    const asked = latest.current.generation;
    const ticket = `${String(asked)}:${queryKey}:${String(page)}`;
    if (inFlight.current.has(ticket)) return;
    inFlight.current.add(ticket);
    const input = { ...(JSON.parse(queryKey) as JournalQuery), offset: page * PAGE, limit: PAGE };
    const settle = (update: (previous: Windows) => Windows) => {
      inFlight.current.delete(ticket);
      // A later query or refresh has superseded this answer.
      if (queryKey !== latest.current.key || asked !== latest.current.generation) return;
      setState((previous) => (previous.key === queryKey ? update(previous) : previous));
    };
    client.call('invoices:window', input).then(
      (window) =>
        settle((previous) => {
          const pages = new Map(previous.pages).set(page, window.rows);
          evict(pages, latest.current.from, latest.current.to);
          return { ...previous, total: window.total, pages, error: null };
        }),
      (error: unknown) => settle((previous) => ({ ...previous, error: toContractError(error) })),
    );
  }, []);

  // A new query starts from nothing, its first window at once; the old total stays shown
  // (the table keeps its place in the page and its focus) until the new one is known.
  if (state.key !== key) {
    setState({ key, total: state.total, pages: new Map(), error: null });
    setOnScreen({ key, from: 0, to: 0 });
  }
  useEffect(() => {
    latest.current = { ...latest.current, key, from: 0, to: 0 };
  }, [key]);

  const pages = state.key === key ? state.pages : null;
  useEffect(() => {
    if (!pages || onScreen.key !== key) return;
    latest.current = { ...latest.current, from: onScreen.from, to: onScreen.to };
    for (let page = onScreen.from; page <= onScreen.to; page++) {
      if (!pages.has(page)) fetchPage(key, page);
    }
  }, [key, pages, onScreen, fetchPage]);

  const show = useCallback((first: number, last: number) => {
    const from = pageOf(first);
    const to = pageOf(last);
    setOnScreen((previous) =>
      previous.from === from && previous.to === to ? previous : { ...previous, from, to },
    );
  }, []);

  const refresh = useCallback(() => {
    const { key: queryKey, from, to } = latest.current;
    latest.current = { ...latest.current, generation: latest.current.generation + 1 };
    // Windows off screen may be stale: dropped. Those on screen stay until their new rows come.
    setState((previous) => ({
      ...previous,
      pages: new Map([...previous.pages].filter(([page]) => page >= from && page <= to)),
    }));
    for (let page = from; page <= to; page++) fetchPage(queryKey, page);
  }, [fetchPage]);

  const rowAt = useCallback((index: number) => pages?.get(pageOf(index))?.[index % PAGE], [pages]);
  let loading = !pages || state.total === null;
  for (let page = onScreen.from; page <= onScreen.to && !loading; page++) {
    loading = !pages?.has(page);
  }
  return { total: state.total, error: state.error, loading, rowAt, show, refresh };
}

function pageOf(index: number): number {
  return Math.floor(Math.max(index, 0) / PAGE);
}

/** Keeps the KEEP windows nearest to those on screen (`from` to `to`). */
function evict(pages: Map<number, InvoiceRow[]>, from: number, to: number): void {
  if (pages.size <= KEEP) return;
  const middle = (from + to) / 2;
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
  for (const page of far.slice(0, pages.size - KEEP)) pages.delete(page);
}
