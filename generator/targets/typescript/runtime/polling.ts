/** Waiting for a run: poll its retrieve call until its status is terminal. */

import { sleep } from "./core.js";
import { PollingTimeoutError } from "./errors.js";

export interface PollingOptions {
  /** Give up (throwing PollingTimeoutError) after this many milliseconds; default: never. */
  maxWaitMs?: number;
  /** The first delay between polls (default 1000 ms); it grows after 30 s, up to 30 s. */
  pollIntervalMs?: number;
  abortSignal?: AbortSignal;
}

const FAST_PHASE_MS = 30000;
const MAX_INTERVAL_MS = 30000;

function statusOf(run: unknown, field: string): unknown {
  return typeof run === "object" && run !== null
    ? (run as Record<string, unknown>)[field]
    : undefined;
}

/** Poll `retrieve` from `run` until `statusField` holds one of `terminal`. */
export async function poll<R>(
  run: R,
  retrieve: () => Promise<R>,
  statusField: string,
  terminal: readonly string[],
  options: PollingOptions = {},
): Promise<R> {
  const started = Date.now();
  let interval = options.pollIntervalMs ?? 1000;
  let current = run;
  while (!terminal.includes(String(statusOf(current, statusField)))) {
    const waited = Date.now() - started;
    if (waited >= FAST_PHASE_MS) {
      interval = Math.min(interval * 2, MAX_INTERVAL_MS);
    }
    if (options.maxWaitMs !== undefined && waited + interval > options.maxWaitMs) {
      throw new PollingTimeoutError(waited, current);
    }
    await sleep(interval, options.abortSignal);
    current = await retrieve();
  }
  return current;
}
