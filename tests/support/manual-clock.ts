import type { Clock } from '../../src/kernel/clock.js';

/** A clock tests can set and advance. */
export function createManualClock(start: Date | string): Clock & {
  set(to: Date | string): void;
  advance(ms: number): void;
} {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
