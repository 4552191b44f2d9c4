import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { AppDeps } from '../../kernel/app-deps.js';
import type { ChannelAudienceLookup } from '../../kernel/slack/access/channel-audience.js';
import type { ViewSubmissionArgs } from '../../kernel/slack/listener-router.js';
import { SCORECARD_INPUTS } from './kits-ids.js';
import { type SummaryPost, submitScorecard } from './scorecard-flow.js';
import { createKitRepository } from './storage/kit-repository.js';

/** Under the form when the store failed: the answers stay in the modal for another try. */
const NOT_SAVED = 'Your scorecard could not be saved just now. Please submit it again in a moment.';

type Deps = Pick<AppDeps, 'store' | 'logger' | 'clock' | 'events'> & {
  channelAudience: ChannelAudienceLookup;
};

/**
 * Posts a saved scorecard's summaries: the interviewer's full copy in a direct message, and
 * the panel's progress line where the kit went — unless that channel is now shared with
 * another organisation (or cannot be checked), where no word of a scorecard goes.
 */
export async function postScorecardSummaries(
  posts: readonly SummaryPost[],
  target: {
    interviewer: string;
    client: WebClient;
    channelAudience: ChannelAudienceLookup;
    log: Pick<Logger, 'warn'>;
  },
): Promise<void> {
  const { client, log } = target;
  for (const post of posts) {
    const { message } = post;
    try {
      if (post.to === 'interviewer') {
        await client.chat.postMessage({
          channel: target.interviewer,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        });
        continue;
      }
      const { destination } = post;
      const audience = await target.channelAudience(client, destination.channelId);
      if (audience !== 'internal') {
        log.warn({ channel: destination.channelId, audience }, 'scorecard progress not posted');
        continue;
      }
      await client.chat.postMessage({
        channel: destination.channelId,
        ...(destination.kind === 'thread' ? { thread_ts: destination.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
    } catch (error) {
      log.warn({ err: error, to: post.to }, 'could not post a scorecard summary');
    }
  }
}

/**
 * Submit of the scorecard modal (`private_metadata` is the kit id): checked against the stored
 * kit (errors under the fields), stored once per interviewer, then the modal is replaced by the
 * confirmation inside the ack and the summaries are posted.
 */
export function createScorecardSubmission(deps: Deps) {
  const log = deps.logger.child({ listener: 'kit-scorecard-submission' });
  const kits = createKitRepository(deps.store);

  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const userId = body.user.id;
    const teamId = body.team?.id ?? view.team_id ?? body.user.team_id ?? '';
    let result: Awaited<ReturnType<typeof submitScorecard>>;
    try {
      result = await submitScorecard(kits, {
        teamId,
        kitId: view.private_metadata,
        userId,
        values: view.state.values,
        now: deps.clock.now(),
      });
    } catch (error) {
      log.error({ err: error, user: userId }, 'could not store the scorecard');
      await ack({
        response_action: 'errors',
        errors: { [SCORECARD_INPUTS.recommendation.blockId]: NOT_SAVED },
      });
      return;
    }
    if (result.kind === 'errors') {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack({ response_action: 'update', view: result.view });
    log.info(
      { kit: view.private_metadata, user: userId, stored: result.stored },
      'scorecard submitted',
    );
    if (!result.stored) return;
    deps.events.emit('home-changed', { teamId, userId });
    await postScorecardSummaries(result.posts, {
      interviewer: userId,
      client,
      channelAudience: deps.channelAudience,
      log,
    });
  };
}
