import type { FeatureContext } from '../../kernel/feature.js';
import { buttonReply, buttonValueSchema } from '../../kernel/hire-command/actions/button-value.js';
import { classifySlackError } from '../../kernel/slack/classify-slack-error.js';
import type { ViewSubmissionArgs } from '../../kernel/slack/listener-router.js';
import { buildShareOutcomeModal } from './blocks/build-share-modal.js';
import { HOME_SHARE_INPUT } from './home-ids.js';

const CHANNEL_ID = /^[CG][A-Z0-9]{2,40}$/;

/**
 * The share modal's Share: posts the answer in the chosen channel for everyone, "shared by"
 * the person, as "Share in channel" does under a /hire answer. The modal says "Sharing…"
 * inside the ack (Slack's 3 s), then what happened.
 */
export function createShareSubmission(ctx: Pick<FeatureContext, 'hire' | 'knowledge' | 'logger'>) {
  const log = ctx.logger.child({ listener: 'home-share' });

  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const command = buttonValueSchema.safeParse(view.private_metadata);
    const picked =
      view.state.values[HOME_SHARE_INPUT.blockId]?.[HOME_SHARE_INPUT.actionId]
        ?.selected_conversation;
    if (!command.success) {
      await ack({
        response_action: 'update',
        view: buildShareOutcomeModal(
          'This form is out of date: close it and press Share in your Home again.',
        ),
      });
      return;
    }
    if (typeof picked !== 'string' || !CHANNEL_ID.test(picked)) {
      await ack({
        response_action: 'errors',
        errors: { [HOME_SHARE_INPUT.blockId]: 'Pick a channel to share the answer in.' },
      });
      return;
    }
    await ack({ response_action: 'update', view: buildShareOutcomeModal('Sharing…') });

    const userId = body.user.id;
    let outcome: string;
    try {
      const ctxOfAnswer = { ...ctx.knowledge.current(), sharedBy: userId };
      const message = buttonReply(ctx.hire.run(command.data, ctxOfAnswer), command.data);
      await client.chat.postMessage({
        channel: picked,
        text: message.text,
        blocks: message.blocks,
      });
      outcome = `:white_check_mark: Shared in <#${picked}>.`;
    } catch (error) {
      const failure = classifySlackError(error);
      log.warn(
        { code: failure.code, user: userId, channel: picked },
        'could not share from the Home',
      );
      outcome =
        failure.kind === 'channel'
          ? `I cannot post in <#${picked}>: invite me there first with \`/invite @hire-bot\` (or it is archived). Nothing was posted.`
          : 'Slack did not take the message just now, so nothing was posted. Please try again.';
    }
    try {
      await client.views.update({ view_id: view.id, view: buildShareOutcomeModal(outcome) });
    } catch (error) {
      // The person may have closed the modal already.
      log.warn({ err: error, user: userId }, 'could not show how the share went');
    }
  };
}
