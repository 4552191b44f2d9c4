import { z } from 'zod';
import type { AppDeps } from '../../kernel/app-deps.js';
import { pressedValue } from '../../kernel/hire-command/actions/button-value.js';
import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import { scorecardViewFor } from './scorecard-flow.js';
import { createKitRepository } from './storage/kit-repository.js';

type Deps = Pick<AppDeps, 'store' | 'logger'>;

/** Shown privately when the scorecard could not be opened; the kit and its button stay. */
const NOT_OPENED =
  'The scorecard did not open (Slack gives a button three seconds). Press *Score this interview* again.';

/**
 * "Score this interview" (on a kit, a panel member's questions, a reminder, `/hire scorecards`
 * or the Home): opens the scorecard modal built from the stored kit — or why it cannot be
 * scored — with the trigger, which Slack honours for three seconds only, so nothing else
 * comes before it but one read of the kit.
 */
export function createScoreAction(deps: Deps) {
  const log = deps.logger.child({ listener: 'kit-score-action' });
  const kits = createKitRepository(deps.store);

  return async ({ ack, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const kitId = z.string().max(64).safeParse(pressedValue(body));
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    try {
      const view = await scorecardViewFor(kits, {
        teamId,
        kitId: kitId.success ? kitId.data : '',
        userId,
      });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      log.warn({ err: error, user: userId }, 'could not open the scorecard');
      if (body.response_url) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: NOT_OPENED,
        }).catch(() => undefined);
      }
    }
  };
}
