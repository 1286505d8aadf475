// Every call over the contract answers a Result, so a failure is data the renderer can show,
// identical whether it crossed Electron IPC or the web host.
import type { WireError } from './errors';

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };
