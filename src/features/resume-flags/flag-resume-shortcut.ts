import type { AppDeps } from '../../kernel/app-deps.js';
import type { MessageShortcutArgs } from '../../kernel/slack/listener-router.js';
import { analyzeResume } from './analysis/analyze-resume.js';
import { buildFlagReviewView } from './blocks/build-flag-review-view.js';
import {
  buildFlagLoadingView,
  buildFlagReadFailedView,
  buildNothingToReviewView,
} from './blocks/build-flag-status-views.js';
import { encodeFlagReviewMetadata } from './flag-review.js';

type Deps = Pick<AppDeps, 'knowledge' | 'logger' | 'clock'>;

const SLACK_ID = /^[A-Z0-9]{2,40}$/;

/**
 * "Flag resume concerns" on a message: opens the modal at once (the trigger expires after
 * about 3 seconds), then analyses the text and replaces the modal with the review. The text
 * lives only in this function's memory: it is not logged, stored, or put in the view's
 * metadata.
 */
export function createFlagResumeShortcut(deps: Deps) {
  const log = deps.logger.child({ listener: 'flag-resume-shortcut' });

  return async ({ shortcut, ack, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const where = { channel: shortcut.channel.id, user: shortcut.user.id };
    let viewId: string | undefined;
    let hash: string | undefined;
    try {
      const opened = await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: buildFlagLoadingView(),
      });
      viewId = opened.view?.id;
      hash = opened.view?.hash;
    } catch (error) {
      log.warn({ err: error, ...where }, 'could not open the review modal');
      return;
    }
    if (!viewId) return;

    try {
      const { message } = shortcut;
      const text: string = typeof message.text === 'string' ? message.text : '';
      const hasFiles = Array.isArray(message.files) && message.files.length > 0;
      let view: ReturnType<typeof buildFlagReviewView>;
      if (text.trim() === '') {
        view = buildNothingToReviewView(hasFiles ? 'files-only' : 'empty');
      } else {
        const { knowledge } = deps.knowledge.current();
        const analysis = analyzeResume(text, {
          flags: knowledge.resumeFlags.flags,
          levels: knowledge.levels.levels,
          currentYear: deps.clock.now().getUTCFullYear(),
        });
        const author =
          typeof message.user === 'string' && SLACK_ID.test(message.user)
            ? message.user
            : undefined;
        // The installation's workspace; an org-wide install sends the user's instead.
        const teamId = shortcut.team?.id ?? shortcut.user.team_id;
        view = buildFlagReviewView({
          analysis,
          yellowFlags: knowledge.resumeFlags.flags.filter((f) => f.kind === 'yellow'),
          levels: knowledge.levels.levels,
          author,
          privateMetadata: encodeFlagReviewMetadata({
            channelId: shortcut.channel.id,
            messageTs: shortcut.message_ts ?? message.ts,
            ...(author ? { author } : {}),
            // Slack names the workspace in every shortcut; without it nothing could be stored.
            teamId: teamId ?? '',
            green: analysis.green.map((g) => g.flag.id),
            ...(analysis.estimatedLevel ? { level: analysis.estimatedLevel } : {}),
            ...(analysis.yearsOfExperience !== undefined
              ? { years: analysis.yearsOfExperience }
              : {}),
          }),
        });
        log.info(
          {
            ...where,
            chars: text.length,
            green: analysis.green.length,
            yellow: analysis.yellow.length,
          },
          'resume analysed',
        );
      }
      await client.views.update({ view_id: viewId, ...(hash ? { hash } : {}), view });
    } catch (error) {
      // The error object only: never the message.
      log.error({ err: error, ...where }, 'could not show the review');
      await client.views
        .update({ view_id: viewId, view: buildFlagReadFailedView() })
        .catch(() => undefined);
    }
  };
}
