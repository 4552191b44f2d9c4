import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../app-deps.js';
import type { SlackMessage } from '../slack/blocks/slack-message.js';
import { HIRE_ERROR_MESSAGE } from '../slack/error-message.js';
import type { CommandArgs } from '../slack/listener-router.js';
import { answerHireRequest } from './answer-hire.js';
import type { HireRequest } from './hire-request.js';
import { parseHireCommand } from './parse-hire-command.js';
import { createRecentCache } from './recent-answers.js';

/** Subcommands that need Slack or the store: acked at once, answered with respond(). */
export type FollowUpKind = Extract<HireRequest['kind'], 'remind' | 'flags-recent'>;

export type FollowUpArgs<K extends FollowUpKind = FollowUpKind> = {
  request: Extract<HireRequest, { kind: K }>;
  command: SlashCommand;
  respond: RespondFn;
  client: WebClient;
};

export type FollowUp<K extends FollowUpKind = FollowUpKind> = (
  args: FollowUpArgs<K>,
) => Promise<void>;

export type FollowUps = { [K in FollowUpKind]?: FollowUp<K> };

const isFollowUp = (
  request: HireRequest,
): request is Extract<HireRequest, { kind: FollowUpKind }> =>
  request.kind === 'remind' || request.kind === 'flags-recent';

/**
 * `/hire`: lookups are answered inside ack() itself, the fastest path Slack offers (one
 * round trip, no response_url call). Subcommands that call Slack or the store ack empty at
 * once and follow up with respond(). No error escapes: the caller gets a friendly message
 * and the log gets the error, never the command text.
 */
export function createHireCommandListener(deps: AppDeps, followUps: FollowUps) {
  const ctx = { knowledge: deps.knowledge, lookup: deps.lookup };
  const log = deps.logger.child({ listener: 'hire-command' });
  // Parsing and answering are pure: repeated commands reuse the last result (see recent-answers.ts).
  const answers = createRecentCache((text: string) => {
    const request = parseHireCommand(text);
    return { request, answer: isFollowUp(request) ? undefined : answerHireRequest(request, ctx) };
  });

  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    let request: HireRequest;
    let answer: SlackMessage | undefined;
    try {
      ({ request, answer } = answers.get(command.text ?? ''));
    } catch (error) {
      log.error(
        { err: error, user: command.user_id, channel: command.channel_id },
        'lookup failed',
      );
      await ack(HIRE_ERROR_MESSAGE);
      return;
    }
    if (!isFollowUp(request)) {
      await ack(answer);
      return;
    }

    await ack();
    const followUp = followUps[request.kind] as FollowUp | undefined;
    try {
      if (followUp === undefined) throw new Error(`no handler for /hire ${request.kind}`);
      await followUp({ request, command, respond, client });
    } catch (error) {
      log.error(
        { err: error, kind: request.kind, user: command.user_id, channel: command.channel_id },
        'subcommand failed',
      );
      await respond(HIRE_ERROR_MESSAGE).catch((respondError: unknown) =>
        log.warn({ err: respondError }, 'could not tell the caller about the failure'),
      );
    }
  };
}
