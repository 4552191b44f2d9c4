import type { EventArgs } from '../../kernel/slack/listener-router.js';
import { decodeHomeState } from './home-state.js';
import type { HomePublisher } from './publish-home.js';

/**
 * `app_home_opened` on the Home tab (Bolt has acked the event already): publish the person's
 * Home as it is now, keeping the results and pages the last one showed (`event.view` carries
 * it once a Home was published).
 */
export function createHomeOpenedListener(publisher: HomePublisher) {
  return async ({ event, body, client }: EventArgs): Promise<void> => {
    const opened = event as { type: string; user?: unknown; tab?: unknown; view?: unknown };
    if (opened.tab !== 'home' || typeof opened.user !== 'string') return;
    const teamId = (body as { team_id?: unknown }).team_id;
    // Slack sends the view's private_metadata (and id, hash) though @slack/types leaves them out.
    const previous = (opened.view as { private_metadata?: unknown } | undefined)?.private_metadata;
    await publisher.publish(
      client,
      { teamId: typeof teamId === 'string' ? teamId : '', userId: opened.user },
      decodeHomeState(previous),
    );
  };
}
