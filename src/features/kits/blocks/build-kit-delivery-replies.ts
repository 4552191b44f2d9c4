import type { ModalView } from '@slack/types';
import { context, sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import type { KitDelivered } from '../kit-delivery.js';
import type { StoredKit } from '../kit-records.js';
import { KIT_REQUEST_VIEW } from '../kits-ids.js';
import { kitFacts, kitTitle } from './build-kit-message.js';
import { esc, labelText, person, plural } from './kit-text.js';

/** The channel a kit went to, as Slack links it. */
const channelLink = (channelId: string) => `<#${channelId}>`;

/** Why this copy came privately, for the top of the kit; undefined when it was asked for. */
export function privateKitNotice(privateBecause: string | undefined): string | undefined {
  return privateBecause === undefined
    ? undefined
    : `:lock: Not posted in the channel: ${esc(privateBecause)}. Here it is, privately; share the questions without the look-fors if the panel needs them there.`;
}

/** Who got their questions, and who Slack would not take a message for. */
function panelLine(delivered: KitDelivered): string | undefined {
  const parts: string[] = [];
  if (delivered.reached.length > 0) {
    parts.push(`Sent their questions to ${delivered.reached.map(person).join(', ')}.`);
  }
  if (delivered.missed.length > 0) {
    parts.push(
      `Could not send theirs to ${delivered.missed.map(person).join(', ')}: they can still score from the kit.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** What the creator is told once a kit went to a channel or thread (the kit is there). */
function whereText(delivered: KitDelivered): string {
  const { destination, kit } = delivered;
  const what = `${esc(kitTitle(kit))} for ${labelText(kit.candidateLabel)}`;
  if (destination.kind === 'thread') {
    return `:white_check_mark: Posted the ${what} in a thread in ${channelLink(destination.channelId)}. Scorecard progress goes to that thread.`;
  }
  if (destination.kind === 'channel') {
    return `:white_check_mark: Posted the ${what} in ${channelLink(destination.channelId)}.`;
  }
  return `:white_check_mark: The ${what} was sent to you privately.`;
}

/** The private answer to `/hire kit … to #channel` once the kit is posted there. */
export function buildKitPostedMessage(delivered: KitDelivered): SlackMessage {
  const lines = [whereText(delivered), panelLine(delivered)].filter((l) => l !== undefined);
  const text = lines.join('\n');
  return { response_type: 'ephemeral', text, blocks: sections(text) };
}

/** The message that opens a kit's own thread: what it is for, never what to listen for. */
export function buildKitThreadStarter(kit: StoredKit): SlackMessage {
  return {
    text: `${esc(kitTitle(kit))} for ${labelText(kit.candidateLabel)}`,
    blocks: [
      ...sections(
        `:clipboard: *${esc(kitTitle(kit))}* for ${labelText(kit.candidateLabel)}, built by ${person(kit.createdBy)}. The plan is in this thread; the panel scores with its button after the interview.`,
      ),
      context(kitFacts(kit)),
    ],
  };
}

function statusView(mrkdwn: string): ModalView {
  return {
    type: 'modal',
    callback_id: KIT_REQUEST_VIEW,
    title: { type: 'plain_text', text: 'Build interview kit' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: sections(mrkdwn),
  };
}

/** Shown right after submit, while the kit is stored and sent. */
export function buildKitBuildingView(): ModalView {
  return statusView(':hourglass_flowing_sand: Building the kit…');
}

/** Replaces the building view once the kit went out. */
export function buildKitBuiltView(delivered: KitDelivered): ModalView {
  const where =
    delivered.destination.kind === 'private'
      ? `:white_check_mark: The ${esc(kitTitle(delivered.kit))} for ${labelText(delivered.kit.candidateLabel)} is in your direct messages with the bot.${delivered.privateBecause === undefined ? '' : ` It was not posted in the channel: ${esc(delivered.privateBecause)}.`}`
      : whereText(delivered);
  const panel = panelLine(delivered);
  const count = delivered.kit.panel.length;
  const scoring =
    count > 0
      ? `The ${plural(count, 'panel member')} score it with the kit's button; each sees the others' scorecards once theirs is in.`
      : 'Score it with the kit’s button after the interview.';
  return statusView([where, panel, scoring].filter((l) => l !== undefined).join('\n'));
}

/** When the kit could not be built or sent at all; nothing was posted. */
export function buildKitFailedView(): ModalView {
  return statusView(
    ':x: *The kit could not be built* — something failed on our side. Please try again in a minute.',
  );
}
