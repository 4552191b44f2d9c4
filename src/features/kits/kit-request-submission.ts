import type { AppDeps } from '../../kernel/app-deps.js';
import type { ChannelAudienceLookup } from '../../kernel/slack/access/channel-audience.js';
import type { ViewSubmissionArgs } from '../../kernel/slack/listener-router.js';
import {
  buildKitBuildingView,
  buildKitBuiltView,
  buildKitFailedView,
} from './blocks/build-kit-delivery-replies.js';
import { deliverKit } from './deliver-kit.js';
import { parseKitRequestForm } from './kit-request-form.js';
import { KIT_REQUEST_INPUTS } from './kits-ids.js';
import { newKitSeed } from './new-kit-seed.js';
import { planKit } from './plan-kit.js';
import { createKitRepository } from './storage/kit-repository.js';

type Deps = Pick<AppDeps, 'store' | 'logger' | 'knowledge' | 'clock' | 'events'> & {
  channelAudience: ChannelAudienceLookup;
};

/**
 * Submit of the "Build interview kit" modal: every field checked (kitRequestFormSchema), a
 * level and areas with no question answered under the areas; then "Building…" inside the ack,
 * and the kit is drawn, stored and sent — to the channel chosen (or privately, saying why)
 * and each panel member their questions — and the modal says where it went.
 */
export function createKitRequestSubmission(deps: Deps) {
  const log = deps.logger.child({ listener: 'kit-request-submission' });
  const kits = createKitRepository(deps.store);

  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const { knowledge } = deps.knowledge.current();
    const parsed = parseKitRequestForm(view.state.values, {
      seed: newKitSeed(),
      now: deps.clock.now(),
    });
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const { form } = parsed;
    const planned = planKit({ ...form.request, panel: form.panel }, knowledge);
    if (!planned.ok) {
      await ack({
        response_action: 'errors',
        errors: {
          [KIT_REQUEST_INPUTS.areas.blockId]:
            'No question of this level is in these areas yet. Choose other areas, or none for a balanced kit.',
        },
      });
      return;
    }
    await ack({ response_action: 'update', view: buildKitBuildingView() });

    const userId = body.user.id;
    let done: ReturnType<typeof buildKitBuiltView>;
    try {
      const delivered = await deliverKit(
        {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          createdBy: userId,
          request: form.request,
          plan: planned.plan,
          panel: form.panel,
          target: form.target,
          ...(form.interviewAt === undefined ? {} : { interviewAt: form.interviewAt }),
        },
        {
          kits,
          client,
          channelAudience: deps.channelAudience,
          clock: deps.clock,
          events: deps.events,
          logger: log,
          // No response_url here: a private kit goes to the creator's direct messages.
          showPrivately: async (message) => {
            await client.chat.postMessage({
              channel: userId,
              text: message.text,
              blocks: message.blocks,
              unfurl_links: false,
            });
          },
        },
      );
      done = buildKitBuiltView(delivered);
    } catch (error) {
      log.error({ err: error, user: userId }, 'could not build the kit');
      done = buildKitFailedView();
    }
    try {
      await client.views.update({ view_id: view.id, view: done });
    } catch (error) {
      // The creator may have closed the modal; the kit went out either way.
      log.warn({ err: error, user: userId }, 'could not show where the kit went');
    }
  };
}
