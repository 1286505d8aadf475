// The renderer's one way to reach main: typed calls and events derived from the contract,
// over `window.pli` in Electron or the web host in a browser.
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  PliBridge,
  WireError,
} from '../shared/contract';
import { createWebBridge, forgetTokenInAddress } from './web-bridge';

declare global {
  interface Window {
    pli?: PliBridge;
  }
}

/** A failed call, carrying the contract's code and French message. */
export class ContractError extends Error {
  readonly code: WireError['code'];
  readonly details: string[];

  constructor(error: WireError) {
    super(error.message);
    this.name = 'ContractError';
    this.code = error.code;
    this.details = error.details ?? [];
  }
}

/** Any failure as a ContractError, so pages show one kind of error notice. */
export function toContractError(error: unknown): ContractError {
  return error instanceof ContractError
    ? error
    : new ContractError({ code: 'INTERNAL', message: String(error) });
}

export interface Client {
  runtime: PliBridge['runtime'];
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(bridge: PliBridge): Client {
  return {
    runtime: bridge.runtime,
    async call(channel, input) {
      const result = await bridge.invoke(channel, input);
      if (!result.ok) throw new ContractError(result.error);
      return result.value as ChannelOutput<typeof channel>;
    },
    on(name, listener) {
      return bridge.subscribe((message) => {
        if (message.name === name) listener(message.payload as EventPayload<typeof name>);
      });
    },
  };
}

function defaultBridge(): PliBridge {
  if (window.pli) return window.pli;
  forgetTokenInAddress();
  return createWebBridge();
}

export const client: Client = createClient(defaultBridge());
