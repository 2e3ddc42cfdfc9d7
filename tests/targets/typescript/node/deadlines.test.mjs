// The calls' timeouts on one timer (runtime/deadlines.ts), on a clock and timers of the test's
// own: what expires, when, and which timer is set, without waiting for any.
import assert from "node:assert/strict";
import path from "node:path";
import test from "node:test";
import { pathToFileURL } from "node:url";

const { Deadlines, MAX_DELAY_MS } = await import(
  pathToFileURL(path.join(process.env.SDK_DIST, "runtime", "deadlines.js")).href
);

/** A clock the test moves, and timers it fires; `holding` timers can be ref'd and unref'd. */
function platform({ holding = true } = {}) {
  const clock = { now: 0 };
  const made = [];
  const timers = {
    set(callback, ms) {
      const timer = { callback, ms, cleared: false, fired: false, held: true };
      if (holding) {
        timer.ref = () => (timer.held = true);
        timer.unref = () => (timer.held = false);
      }
      made.push(timer);
      return timer;
    },
    clear(timer) {
      timer.cleared = true;
    },
  };
  const live = () => made.filter((timer) => !timer.cleared && !timer.fired);
  /** Move the clock to `at` and fire the one live timer. */
  const fireAt = (at) => {
    clock.now = at;
    const [timer, ...others] = live();
    assert.equal(others.length, 0, "one timer at a time");
    timer.fired = true;
    timer.callback();
  };
  return { deadlines: new Deadlines(() => clock.now, timers), clock, made, live, fireAt };
}

test("calls with one timeout share a timer; each expires at its own deadline", () => {
  const p = platform();
  const expired = [];
  p.deadlines.start(1000, () => expired.push("first"));
  p.clock.now = 10;
  p.deadlines.start(1000, () => expired.push("second"));
  assert.deepEqual(p.made.map((t) => t.ms), [1000]);
  p.fireAt(1000);
  assert.deepEqual(expired, ["first"]);
  assert.deepEqual(p.live().map((t) => t.ms), [10]);
  p.fireAt(1010);
  assert.deepEqual(expired, ["first", "second"]);
  assert.deepEqual(p.live(), []);
});

test("a finished deadline never expires; with none pending the timer stops holding the process", () => {
  const p = platform();
  const expired = [];
  const first = p.deadlines.start(1000, () => expired.push("first"));
  const second = p.deadlines.start(1000, () => expired.push("second"));
  p.deadlines.finish(first);
  assert.equal(p.live()[0].held, true, "a deadline is still pending");
  p.deadlines.finish(second);
  assert.equal(p.live()[0].held, false);
  p.deadlines.start(2000, () => expired.push("third"));
  assert.equal(p.live()[0].held, true, "the same timer holds it again");
  assert.equal(p.made.length, 1);
  p.fireAt(1000);
  assert.deepEqual(expired, []);
  p.fireAt(2000);
  assert.deepEqual(expired, ["third"]);
});

test("an earlier deadline sets the timer again, for itself", () => {
  const p = platform();
  const expired = [];
  p.deadlines.start(60000, () => expired.push("long"));
  p.deadlines.start(50, () => expired.push("short"));
  assert.deepEqual(p.live().map((t) => t.ms), [50]);
  assert.equal(p.made[0].cleared, true);
  p.fireAt(50);
  assert.deepEqual(expired, ["short"]);
  assert.deepEqual(p.live().map((t) => t.ms), [59950]);
});

test("where timers cannot stop holding the process, the timer is cleared once none is pending", () => {
  const p = platform({ holding: false });
  const deadline = p.deadlines.start(1000, () => assert.fail("finished first"));
  p.deadlines.finish(deadline);
  assert.deepEqual(p.live(), []);
  p.deadlines.start(1000, () => undefined);
  assert.equal(p.live().length, 1);
});

test("a timer firing before the deadline is set again for what is left", () => {
  const p = platform();
  const expired = [];
  p.deadlines.start(1000, () => expired.push("call"));
  p.fireAt(999.5);
  assert.deepEqual(expired, []);
  assert.deepEqual(p.live().map((t) => t.ms), [0.5]);
  p.fireAt(1000);
  assert.deepEqual(expired, ["call"]);
});

test("a deadline past the longest delay timers take is waited for in steps", () => {
  const p = platform();
  const expired = [];
  p.deadlines.start(MAX_DELAY_MS + 1000, () => expired.push("call"));
  assert.deepEqual(p.live().map((t) => t.ms), [MAX_DELAY_MS]);
  p.fireAt(MAX_DELAY_MS);
  assert.deepEqual(expired, []);
  assert.deepEqual(p.live().map((t) => t.ms), [1000]);
  p.fireAt(MAX_DELAY_MS + 1000);
  assert.deepEqual(expired, ["call"]);
});

test("a negative or NaN timeout expires at once; an infinite one never", () => {
  const p = platform();
  const expired = [];
  p.deadlines.start(Infinity, () => expired.push("infinite"));
  assert.deepEqual(p.live(), []);
  p.deadlines.start(-5, () => expired.push("negative"));
  p.deadlines.start(Number.NaN, () => expired.push("nan"));
  assert.deepEqual(p.live().map((t) => t.ms), [0]);
  p.fireAt(0);
  assert.deepEqual(expired, ["negative", "nan"]);
  assert.deepEqual(p.live(), []);
});
