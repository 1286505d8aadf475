// Transport-agnostic entry for every call: check the channel, parse the input with its
// schema, run the handler, and turn any failure into a typed, French, secret-free error.
// Both the Electron IPC binding and the web host call this and nothing else.
import {
  channels,
  isChannel,
  PliError,
  wireError,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Result,
} from '../../shared/contract';
import type { z } from 'zod';

export type Handlers = {
  [C in Channel]: (input: z.output<(typeof channels)[C]['input']>) => Promise<ChannelOutput<C>>;
};

export type Logger = (message: string, error?: unknown) => void;

/** Summaries of zod issues that are safe to show: field path and problem, never the value. */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'entrée';
    return `${where} : ${issue.message}`;
  });
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: wireError('UNKNOWN_CHANNEL') };
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: wireError('INVALID_INPUT', describeIssues(parsed.error)) };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value: unknown = await handler(parsed.data);
    return { ok: true, value: channels[channel].output.parse(value) };
  } catch (error) {
    if (error instanceof PliError) return { ok: false, error: error.toWire() };
    log(`call ${channel} failed`, error);
    return { ok: false, error: wireError('INTERNAL') };
  }
}

/** Typed direct call, for main-side code and tests that hold the handlers. */
export async function call<C extends Channel>(
  handlers: Handlers,
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  return (await dispatch(handlers, channel, input)) as Result<ChannelOutput<C>>;
}
