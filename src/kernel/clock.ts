/** Time source passed into features so that tests can move time without fake timers. */
export type Clock = {
  now(): Date;
};

export const systemClock: Clock = { now: () => new Date() };
