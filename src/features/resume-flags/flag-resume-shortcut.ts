import type { AppDeps } from '../../kernel/app-deps.js';
import type { FeatureContext } from '../../kernel/feature.js';
import type { MessageShortcutArgs } from '../../kernel/slack/listener-router.js';
import { analyzeResume } from './analysis/analyze-resume.js';
import type { AttachmentReader } from './attachments/read-resume-attachments.js';
import { buildFlagReviewView } from './blocks/build-flag-review-view.js';
import {
  buildFlagLoadingView,
  buildFlagReadFailedView,
  buildNothingToReviewView,
} from './blocks/build-flag-status-views.js';
import { encodeFlagReviewMetadata } from './flag-review.js';
import {
  type AttachmentSummary,
  fileOutcomeCounts,
  readMessageFiles,
} from './read-message-files.js';

type Deps = Pick<AppDeps, 'knowledge' | 'logger' | 'clock' | 'config'> &
  Pick<FeatureContext, 'channelAudience'> & {
    /** The app's attachment reader (one per process in production: it owns the extraction children). */
    reader: Pick<AttachmentReader, 'plan' | 'read' | 'limits'>;
  };

const SLACK_ID = /^[A-Z0-9]{2,40}$/;

/**
 * "Flag resume concerns" on a message: opens the modal at once (the trigger expires after
 * about 3 seconds), then reads the attached resume files, analyses their text with the
 * message's own, and replaces the modal with the review, naming the files read and those
 * skipped. The text and the files' bytes live only in memory here: nothing of them is logged
 * (only file types, sizes and outcomes), stored, or put in the view's metadata.
 */
export function createFlagResumeShortcut(deps: Deps) {
  const log = deps.logger.child({ listener: 'flag-resume-shortcut' });

  return async ({ shortcut, ack, client, context }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const where = { channel: shortcut.channel.id, user: shortcut.user.id };
    const files: unknown = shortcut.message.files;
    // From the file objects alone, so the modal can say at once what it is about to read.
    const plan = deps.reader.plan(files);
    const kinds = plan.chosen.map((file) => file.kind);
    let viewId: string | undefined;
    let hash: string | undefined;
    try {
      const opened = await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: buildFlagLoadingView(kinds),
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
      const messageText: string = typeof message.text === 'string' ? message.text : '';
      const hasFiles = Array.isArray(files) && files.length > 0;
      if (kinds.length > 0) log.info({ ...where, fileTypes: kinds }, 'reading resume attachments');
      // Asked while the files are read: a shared channel gets no thread reply (see the view).
      const audience = deps.channelAudience(client, shortcut.channel.id);
      const read = await readMessageFiles(
        deps.reader,
        files,
        plan,
        { botToken: context.botToken ?? deps.config.slack.botToken ?? '', client },
        (error) => log.error({ err: error, ...where }, 'the attachment reader failed'),
      );
      const attachments: AttachmentSummary | undefined = hasFiles
        ? { read: read.read, skipped: read.skipped, limits: deps.reader.limits }
        : undefined;
      const text = [messageText, read.text].filter((part) => part.trim() !== '').join('\n\n');
      let view: ReturnType<typeof buildFlagReviewView>;
      if (text.trim() === '') {
        view = buildNothingToReviewView(hasFiles ? 'files-only' : 'empty', attachments);
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
          ...(attachments ? { attachments } : {}),
          sharedChannel: (await audience) === 'shared',
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
            ...(attachments ? { fileOutcomes: fileOutcomeCounts(attachments) } : {}),
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
