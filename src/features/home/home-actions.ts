import type { BlockAction } from '@slack/bolt';
import { z } from 'zod';
import type { FeatureContext } from '../../kernel/feature.js';
import { buttonValueSchema, pressedValue } from '../../kernel/hire-command/actions/button-value.js';
import { MAX_COMMAND_LENGTH } from '../../kernel/hire-command/parse-args.js';
import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import { buildShareModal } from './blocks/build-share-modal.js';
import type { HomeAction } from './home-ids.js';
import { decodeHomeState, type HomeState, withPage } from './home-state.js';
import type { HomeOwner, HomePublisher, PublishOptions } from './publish-home.js';

/** Whose Home an action came from: the installation's workspace, as for /hire. */
export const ownerOf = (body: BlockAction): HomeOwner => ({
  teamId: body.team?.id ?? body.user.team_id ?? '',
  userId: body.user.id,
});

/** The words typed in the search box, as a /hire search (the bare prompt when empty). */
export function searchCommand(typed: unknown): string {
  const words = typeof typed === 'string' ? typed.replace(/\s+/g, ' ').trim() : '';
  return words === '' ? 'search' : `search ${words.slice(0, MAX_COMMAND_LENGTH - 10)}`;
}

/** A paging button's value: `<section id> <page>`. */
const pageValueSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40} \d{1,4}$/)
  .transform((value) => {
    const [id = '', page = '1'] = value.split(' ');
    return { id, page: Number(page) };
  })
  .pipe(z.object({ id: z.string(), page: z.number().int().min(1).max(1000) }));

type Change = (state: HomeState, value: unknown) => HomeState | undefined;

/**
 * Everything pressed or typed in the Home that the Home itself handles: each acks, works out
 * the Home's next state from the state the view carries, and publishes the Home again. A
 * value it cannot use (a stale or odd view) changes nothing and the Home is simply refreshed.
 */
export function createHomeActions(
  ctx: Pick<FeatureContext, 'homeSections' | 'logger'>,
  publisher: HomePublisher,
): Record<HomeAction, (args: ButtonArgs) => Promise<void>> {
  const log = ctx.logger.child({ listener: 'home-actions' });
  const sectionIds = new Set(ctx.homeSections.map((section) => section.id));

  const republish =
    (change: Change, options: PublishOptions = {}) =>
    async ({ ack, body, client }: ButtonArgs): Promise<void> => {
      await ack();
      const owner = ownerOf(body);
      const state =
        body.view?.type === 'home'
          ? decodeHomeState(body.view.private_metadata)
          : publisher.stateOf(owner);
      const next = change(state, pressedValue(body));
      if (next === undefined)
        log.warn({ user: owner.userId }, 'home action with an unusable value');
      await publisher.publish(client, owner, next ?? state, next ? options : {});
    };

  const command = (value: unknown) => {
    const parsed = buttonValueSchema.safeParse(value);
    return parsed.success && parsed.data.length <= 600 ? parsed.data : undefined;
  };

  return {
    search: republish(
      (state, value) => ({ ...state, results: { kind: 'command', command: searchCommand(value) } }),
      { announceLookup: true },
    ),
    open: republish(
      (state, value) => {
        const opened = command(value);
        return opened ? { ...state, results: { kind: 'command', command: opened } } : undefined;
      },
      { announceLookup: true },
    ),
    page: republish((state, value) => {
      const parsed = pageValueSchema.safeParse(value);
      if (!parsed.success || !sectionIds.has(parsed.data.id)) return undefined;
      return withPage(state, parsed.data.id, parsed.data.page);
    }),
    clear: republish(({ results: _closed, ...state }) => state),
    async share({ ack, body, client }) {
      await ack();
      const shared = command(pressedValue(body));
      if (shared === undefined) {
        log.warn({ user: body.user.id }, 'share button with an unusable value');
        return;
      }
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: buildShareModal(shared) });
      } catch (error) {
        log.warn({ err: error, user: body.user.id }, 'could not open the share modal');
      }
    },
  };
}
