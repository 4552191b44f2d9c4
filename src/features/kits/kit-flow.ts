import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { assignPanel } from './assign-panel.js';
import { buildAssignmentMessage } from './blocks/build-assignment-message.js';
import { buildKitMessage } from './blocks/build-kit-message.js';
import type { KitPlan } from './kit-plan.js';
import type { StoredKit } from './kit-records.js';
import type { KitDestination, KitRequest } from './kit-request.js';
import type { KitRepository } from './storage/kit-repository.js';

/** A message to send once the kit is stored. */
export type KitPost =
  /** To the creator only: the `/hire kit` reply (respond/ack) or a direct message. */
  | { to: 'creator'; message: SlackMessage }
  /** chat.postMessage into the channel, or the thread when `destination.kind` is `thread`. */
  | {
      to: 'destination';
      destination: Exclude<KitDestination, { kind: 'private' }>;
      message: SlackMessage;
    }
  /** A direct message to one panel member with the questions they ask. */
  | { to: 'member'; userId: string; message: SlackMessage };

/**
 * Stores a planned kit (the Score button needs its id) and says what to send: the kit to its
 * creator or its channel, and each panel member their own questions.
 */
export async function storeKit(
  kits: Pick<KitRepository, 'saveKit'>,
  input: {
    teamId: string;
    createdBy: string;
    request: Pick<KitRequest, 'candidateLabel'>;
    /** From planKit; its questions are dealt to `panel` here, whatever panel it was planned with. */
    plan: KitPlan;
    panel: readonly string[];
    destination: KitDestination;
    interviewAt?: Date;
    now: Date;
  },
): Promise<{ kit: StoredKit; posts: KitPost[] }> {
  const kit = await kits.saveKit({
    teamId: input.teamId,
    createdBy: input.createdBy,
    ...(input.request.candidateLabel === undefined
      ? {}
      : { candidateLabel: input.request.candidateLabel }),
    plan: assignPanel(input.plan, input.panel),
    destination: input.destination,
    ...(input.interviewAt === undefined ? {} : { interviewAt: input.interviewAt }),
    panel: [...input.panel],
    createdAt: input.now,
  });
  const posts: KitPost[] = [
    input.destination.kind === 'private'
      ? { to: 'creator', message: buildKitMessage(kit, 'private') }
      : {
          to: 'destination',
          destination: input.destination,
          message: buildKitMessage(kit, 'channel'),
        },
  ];
  for (const member of kit.panel) {
    posts.push({ to: 'member', userId: member, message: buildAssignmentMessage(kit, member) });
  }
  return { kit, posts };
}
