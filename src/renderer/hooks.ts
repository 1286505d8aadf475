// Small hooks over the contract client: load a call's result, and listen to an event; and a
// debounced value for search fields.
import { useCallback, useEffect, useState } from 'react';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../shared/contract';
import { client, ContractError, toContractError } from './client';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ContractError };

export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): [Loaded<ChannelOutput<C>>, () => void] {
  const [state, setState] = useState<Loaded<ChannelOutput<C>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    client.call(channel, JSON.parse(key) as ChannelInput<C>).then(
      (value) => live && setState({ status: 'ok', value }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          error: toContractError(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [channel, key, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return [state, reload];
}

export function useEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  useEffect(() => client.on(name, listener), [name, listener]);
}

/** A user action (save, sign in…): busy while it runs, its error, whether it succeeded. */
export function useAction() {
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const result = await action();
      setDone(true);
      return result;
    } catch (caught) {
      setError(toContractError(caught));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, done, busy, run };
}

/** `value`, once it has stopped changing for `ms` (search fields query as the user pauses). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
