import type { ViewOutput } from '@slack/bolt';
import type { AppDeps } from '../../kernel/app-deps.js';
import type { FeatureContext } from '../../kernel/feature.js';
import type { ViewSubmissionArgs } from '../../kernel/slack/listener-router.js';
import { buildFlagSavedView, buildFlagSavingView } from './blocks/build-flag-status-views.js';
import { buildFlagSummaryMessage } from './blocks/build-flag-summary-message.js';
import { SHARED_CHANNEL_REASON } from './blocks/resume-text.js';
import { deliverSummary, toOutcome } from './deliver-flag.js';
import { decodeFlagReviewMetadata, type FormField, parseFlagReviewForm } from './flag-review.js';
import { FLAG_RESUME_INPUTS } from './resume-flags-ids.js';
import { createFlagRepository } from './storage/flag-repository.js';

type Deps = Pick<AppDeps, 'knowledge' | 'logger' | 'clock' | 'store' | 'events'> &
  Pick<FeatureContext, 'channelAudience'>;

/** The reviewer's raw answers, read from the submitted view's state. */
function readForm(view: ViewOutput) {
  const values = view.state.values;
  const field = (input: { blockId: string; actionId: string }) =>
    values[input.blockId]?.[input.actionId];
  return {
    concerns: field(FLAG_RESUME_INPUTS.concerns)?.selected_options?.map((o) => o.value) ?? [],
    note: field(FLAG_RESUME_INPUTS.note)?.value ?? undefined,
    destination: field(FLAG_RESUME_INPUTS.destination)?.selected_option?.value ?? undefined,
  };
}

function errorsByBlock(errors: Partial<Record<FormField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      FLAG_RESUME_INPUTS[field as FormField].blockId,
      message,
    ]),
  );
}

/**
 * Submit of the review modal: validate (errors under the fields), switch the modal to
 * "Saving…" inside the ack, then post the summary where chosen (privately when the thread
 * refuses it), store the flag whatever happened to the post, and show the outcome.
 */
export function createFlagResumeSubmission(deps: Deps) {
  const log = deps.logger.child({ listener: 'flag-resume-submission' });
  const flagStore = createFlagRepository(deps.store);

  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const { knowledge } = deps.knowledge.current();
    const flags = knowledge.resumeFlags.flags;
    const yellowIds = flags.filter((f) => f.kind === 'yellow').map((f) => f.id);
    const byId = new Map(flags.map((f) => [f.id, f]));
    const metadata = decodeFlagReviewMetadata(view.private_metadata);
    const parsed = parseFlagReviewForm(readForm(view), yellowIds);
    if (!metadata || !parsed.ok) {
      const errors = parsed.ok ? {} : parsed.errors;
      if (!metadata)
        errors.concerns = 'This form is out of date. Close it and run the shortcut again.';
      await ack({ response_action: 'errors', errors: errorsByBlock(errors) });
      return;
    }
    await ack({ response_action: 'update', view: buildFlagSavingView() });

    const reviewerId = body.user.id;
    const { form } = parsed;
    const where = { channel: metadata.channelId, user: reviewerId };
    let permalink: string | undefined;
    try {
      const answer = await client.chat.getPermalink({
        channel: metadata.channelId,
        message_ts: metadata.messageTs,
      });
      permalink = answer.permalink;
    } catch (error) {
      log.warn({ err: error, ...where }, 'no permalink for the flagged message');
    }

    const pick = (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const flag = byId.get(id);
        return flag ? [flag] : [];
      });
    const delivery = await deliverSummary(
      client,
      {
        destination: form.destination,
        // Checked again at submit: the form's choice is only what the modal offered.
        ...((await deps.channelAudience(client, metadata.channelId)) === 'shared'
          ? { threadRefused: SHARED_CHANNEL_REASON }
          : {}),
        channelId: metadata.channelId,
        messageTs: metadata.messageTs,
        reviewerId,
      },
      (privateBecause) =>
        buildFlagSummaryMessage({
          reviewerId,
          concerns: pick(form.concerns),
          strengths: pick(metadata.green),
          levels: knowledge.levels.levels,
          level: metadata.level,
          years: metadata.years,
          note: form.note,
          permalink,
          privateBecause,
        }),
    );

    let stored = true;
    try {
      await flagStore.save({
        teamId: metadata.teamId,
        channelId: metadata.channelId,
        messageTs: metadata.messageTs,
        permalink,
        flaggedBy: reviewerId,
        concerns: form.concerns,
        note: form.note,
        deliveredTo: delivery.delivered,
        createdAt: deps.clock.now(),
      });
    } catch (error) {
      stored = false;
      log.error({ err: error, ...where }, 'could not store the flag');
    }
    if (stored)
      deps.events.emit('home-changed', { teamId: body.team?.id ?? '', userId: reviewerId });
    log.info(
      { ...where, concerns: form.concerns.length, delivered: delivery.delivered, stored },
      'resume flagged',
    );

    try {
      await client.views.update({
        view_id: view.id,
        view: buildFlagSavedView(toOutcome(delivery, stored)),
      });
    } catch (error) {
      // The reviewer may have closed the modal already; the flag is saved either way.
      log.warn({ err: error, ...where }, 'could not show the confirmation');
    }
  };
}
