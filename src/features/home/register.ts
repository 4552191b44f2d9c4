import type { WebClient } from '@slack/web-api';
import type { Feature } from '../../kernel/feature.js';
import { createHomeActions } from './home-actions.js';
import { HOME_ACTION_PATTERNS, HOME_SHARE_VIEW, type HomeAction } from './home-ids.js';
import { createHomeOpenedListener } from './home-opened.js';
import { createHomeWebClient } from './home-web-client.js';
import { createHomePublisher } from './publish-home.js';
import { createShareSubmission } from './share-submission.js';

/**
 * Each person's Home tab: published when they open it, and again whenever something it shows
 * changes because of them (home-changed, from any feature) — always, whether or not this
 * instance published their Home before, since the person may be looking at it. It lays out
 * the search, quick ways in, the results area and every feature's Home sections.
 */
export const homeFeature: Feature = {
  name: 'home',
  register(registry, ctx) {
    const publisher = createHomePublisher(ctx);
    registry.event('app_home_opened', createHomeOpenedListener(publisher));
    const actions = createHomeActions(ctx, publisher);
    for (const name of Object.keys(actions) as HomeAction[]) {
      registry.action(HOME_ACTION_PATTERNS[name], actions[name]);
    }
    registry.viewSubmission(HOME_SHARE_VIEW, createShareSubmission(ctx));

    let client: WebClient | undefined;
    ctx.events.on('home-changed', async (owner) => {
      client ??= createHomeWebClient(ctx);
      await publisher.publish(client, owner, publisher.stateOf(owner));
    });
  },
};
