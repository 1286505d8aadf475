// The one list of calls between renderer and main. Each channel is `domain:verb` with a zod
// schema for its input and its output; the preload, the IPC binding, the web host routes and
// the renderer client are all derived from this object.
import { z } from 'zod';
import './zod-locale';
import { aboutSchema } from './schemas/app';
import { dbCreateInputSchema, dbStatusSchema } from './schemas/db';

const noInput = z.object({}).strict();

export const channels = {
  'app:about': { input: noInput, output: aboutSchema },
  'db:status': { input: noInput, output: dbStatusSchema },
  'db:create': { input: dbCreateInputSchema, output: dbStatusSchema },
  'db:retry': { input: noInput, output: dbStatusSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
