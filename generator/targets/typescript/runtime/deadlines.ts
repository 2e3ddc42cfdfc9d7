/** The timeouts of a client's calls in flight, on one timer. A call notes its deadline when it
 * starts and forgets it when it ends, which is cheap; the timer is set for the earliest deadline
 * only, and when it fires every deadline passed by then expires and it is set for the next. A
 * timer per call (set, then cleared) cost Node more than all of the SDK's own work on a call.
 *
 * While a deadline is pending the timer keeps the process alive, as a call's own timer did;
 * once none is, it no longer does (Node, Bun), or it is cleared where timers cannot say so. */

/** The platform's timers, as this module uses them (a test passes its own). */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(timer: unknown): void;
}

/** A timer that can stop keeping the process alive and start again (Node's and Bun's). */
interface Holding {
  ref(): unknown;
  unref(): unknown;
}

const PLATFORM_TIMERS: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** The longest delay timers take (a longer one fires at once in Node): later deadlines wait
 * in steps of it. */
export const MAX_DELAY_MS = 2 ** 31 - 1;

function holding(timer: unknown): timer is Holding {
  const candidate = timer as Partial<Holding> | null;
  return typeof candidate?.ref === "function" && typeof candidate.unref === "function";
}

/** One call's deadline: `expire` runs once it passes, unless the call ends first. */
export class Deadline {
  constructor(
    readonly at: number,
    readonly expire: () => void,
  ) {}
}

export class Deadlines {
  private readonly pending = new Set<Deadline>();
  private timer: unknown = undefined;
  /** When the timer fires; `Infinity` when there is none. */
  private firesAt = Infinity;
  private readonly clock: () => number;
  private readonly timers: Timers;

  constructor(clock: () => number = () => performance.now(), timers: Timers = PLATFORM_TIMERS) {
    this.clock = clock;
    this.timers = timers;
  }

  /** Run `expire` once `ms` milliseconds have passed (at once for a negative or `NaN`, never
   * for `Infinity`), unless `finish` comes first. */
  start(ms: number, expire: () => void): Deadline {
    const deadline = new Deadline(this.clock() + (ms > 0 ? ms : 0), expire);
    if (this.pending.size === 0 && holding(this.timer)) {
      this.timer.ref();
    }
    this.pending.add(deadline);
    if (deadline.at < this.firesAt) {
      this.arm(deadline.at);
    }
    return deadline;
  }

  /** The call ended: its deadline no longer expires. */
  finish(deadline: Deadline): void {
    if (!this.pending.delete(deadline) || this.pending.size > 0) {
      return;
    }
    if (holding(this.timer)) {
      this.timer.unref();
    } else {
      this.disarm();
    }
  }

  private arm(at: number): void {
    this.disarm();
    this.firesAt = at;
    this.timer = this.timers.set(this.fire, Math.min(Math.max(at - this.clock(), 0), MAX_DELAY_MS));
  }

  private disarm(): void {
    if (this.timer !== undefined) {
      this.timers.clear(this.timer);
      this.timer = undefined;
    }
    this.firesAt = Infinity;
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.firesAt = Infinity;
    const now = this.clock();
    const expired: Deadline[] = [];
    let next = Infinity;
    for (const deadline of this.pending) {
      if (deadline.at <= now) {
        expired.push(deadline);
      } else if (deadline.at < next) {
        next = deadline.at;
      }
    }
    for (const deadline of expired) {
      this.pending.delete(deadline);
    }
    if (next !== Infinity) {
      this.arm(next);
    }
    for (const deadline of expired) {
      deadline.expire();
    }
  };
}
