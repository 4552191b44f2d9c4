import { EMPTY_HOME_STATE, type HomeState } from './home-state.js';

/** Most people this instance remembers a Home for; the least recently published goes first. */
const MAX_ENTRIES = 10_000;

/**
 * The state of the Home this instance last published for each person, for a republish that
 * no action carries a view for (home-changed): their results and pages stay as they left them.
 * Another instance, or one restarted, falls back to a fresh Home; every action and every
 * reopening carries the real state in the view itself.
 */
export function createLastStates(maxEntries = MAX_ENTRIES) {
  const states = new Map<string, HomeState>();
  const key = (teamId: string, userId: string) => `${teamId}/${userId}`;
  return {
    get(teamId: string, userId: string): HomeState {
      return states.get(key(teamId, userId)) ?? EMPTY_HOME_STATE;
    },
    set(teamId: string, userId: string, state: HomeState): void {
      const k = key(teamId, userId);
      states.delete(k);
      states.set(k, state);
      if (states.size > maxEntries) {
        const oldest = states.keys().next();
        if (!oldest.done) states.delete(oldest.value);
      }
    },
    get size() {
      return states.size;
    },
  };
}

export type LastStates = ReturnType<typeof createLastStates>;
