// The shape of `window.pli`, the only thing the preload exposes. The web host client
// implements the same interface over HTTP and server-sent events.
import type { Result } from './result';
import type { EventMessage } from './events';

export interface PliBridge {
  readonly runtime: 'electron' | 'browser';
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Returns a function that stops listening. */
  subscribe(listener: (message: EventMessage) => void): () => void;
}

/** The single IPC message name on which main pushes contract events to the preload. */
export const EVENT_CHANNEL = 'pli:event';
