// The contract over the loopback web host, for when Pli runs in a browser: calls are POSTs to
// /api/<channel>, pushes arrive as server-sent events. The token travels in the cookie the
// host set when the printed address was opened.
import { wireError, type EventMessage, type PliBridge, type Result } from '../shared/contract';

export function createWebBridge(): PliBridge {
  const listeners = new Set<(message: EventMessage) => void>();
  let source: EventSource | null = null;

  function connect(): void {
    source = new EventSource('/api/events');
    source.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as EventMessage;
      for (const listener of listeners) listener(message);
    };
  }

  return {
    runtime: 'browser',
    async invoke(channel, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: wireError('APP_UNREACHABLE') };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

/** The address was printed with ?token=…; once the cookie is set, keep it out of history. */
export function forgetTokenInAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}
