import type { WebClient } from '@slack/web-api';
import { classifySlackError } from '../../kernel/slack/classify-slack-error.js';
import { assembleHome, type HomeDeps } from './assemble-home.js';
import type { HomeState } from './home-state.js';
import { createSectionWebClient } from './home-web-client.js';
import { createLastStates } from './last-states.js';

/** Whose Home: the workspace the app is installed in, and the person. */
export type HomeOwner = { teamId: string; userId: string };

export type PublishOptions = {
  /** Report the lookup the results area shows (a new search or answer, not a refresh). */
  announceLookup?: boolean;
};

/**
 * Builds and publishes people's Homes, remembering the state of each one it published.
 * No hash is sent: every publish renders the whole Home from the store, so the latest one is
 * always current, and a hash would turn a person's own quick second click into a conflict.
 */
export function createHomePublisher(deps: HomeDeps) {
  const log = deps.logger.child({ component: 'home' });
  const lastStates = createLastStates();
  let sectionClient: WebClient | undefined;
  return {
    /** The state this instance last published for the person (a fresh Home otherwise). */
    stateOf: (owner: HomeOwner): HomeState => lastStates.get(owner.teamId, owner.userId),

    /**
     * Publishes through `client` (the request's, or the home-changed one). Never throws: a
     * Home that cannot be published is logged, and the next opening tries again.
     */
    async publish(
      client: WebClient,
      owner: HomeOwner,
      state: HomeState,
      options: PublishOptions = {},
    ): Promise<boolean> {
      try {
        const viewer = {
          ...owner,
          isAdmin: deps.config.hireAdmins.includes(owner.userId),
        };
        sectionClient ??= createSectionWebClient(deps);
        const { view, lookup } = await assembleHome({ viewer, state, client: sectionClient }, deps);
        await client.views.publish({ user_id: owner.userId, view });
        lastStates.set(owner.teamId, owner.userId, state);
        if (options.announceLookup && lookup)
          deps.events.emit('lookup', { teamId: owner.teamId, ...lookup });
        return true;
      } catch (error) {
        log.error(
          { err: error, code: classifySlackError(error).code, user: owner.userId },
          'could not publish the Home',
        );
        return false;
      }
    },
  };
}

export type HomePublisher = ReturnType<typeof createHomePublisher>;
