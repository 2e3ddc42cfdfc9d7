/** The abort controllers of a client's attempts. Making an `AbortSignal` costs more than the rest
 * of a call's own work, and `fetch` does more again for each signal it has not met, so the
 * controller of an attempt that ended without aborting serves a later attempt: never two
 * attempts at once, never once aborted, and a bounded number of times, since every request
 * leaves a listener on its signal that goes only when that request is collected. An abort that
 * reaches requests already finished does nothing to them. */

/** How many attempts one controller serves at most. */
export const ATTEMPTS_PER_CONTROLLER = 32;
/** How many idle controllers a client keeps. */
export const IDLE_CONTROLLERS = 8;

/** A controller lent to one attempt, with how many attempts it has served. */
export interface Lease {
  readonly controller: AbortController;
  uses: number;
}

export class AttemptControllers {
  private readonly idle: Lease[] = [];

  /** A controller for a new attempt: not aborted, lent to no other attempt. */
  take(): Lease {
    const lease = this.idle.pop() ?? { controller: new AbortController(), uses: 0 };
    lease.uses += 1;
    return lease;
  }

  /** Take back the controller of an attempt that ended (its response read, or its failure
   * handled); one that aborted or served its share is dropped. */
  give(lease: Lease): void {
    const reusable = !lease.controller.signal.aborted && lease.uses < ATTEMPTS_PER_CONTROLLER;
    if (reusable && this.idle.length < IDLE_CONTROLLERS) {
      this.idle.push(lease);
    }
  }
}
