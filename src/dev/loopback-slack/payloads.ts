/**
 * Payloads as Slack sends them to an app, bound to one loopback Slack: each carries a live
 * response_url and trigger_id that the loopback honours (5 uses; 3 seconds, single use).
 * The same objects serve Socket Mode envelopes and signed HTTP requests.
 */
import type { ResponseUrls } from './response-url.js';
import type { TriggerRegistry } from './triggers.js';
import { DEFAULT_CHANNEL_ID, DEFAULT_USER_ID, type Workspace } from './workspace.js';

/** The legacy verification token Slack still puts in payloads (Bolt ignores it). */
export const VERIFICATION_TOKEN = 'loopback-verification-token';

export type SlashCommandInput = {
  text: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
  command?: string;
};

export type BlockActionInput = {
  actionId: string;
  value?: string;
  userId?: string;
  channelId?: string;
  /** The message holding the button; looked up in the model to fill `message` and block_id. */
  messageTs?: string;
  blockId?: string;
  /** Overrides the container (e.g. `{ type: 'view', view_id }` for a button in a modal). */
  container?: Record<string, unknown>;
  /** Element type (default button). */
  elementType?: string;
};

export type MessageShortcutInput = {
  callbackId: string;
  message: { text: string; ts?: string; user?: string; files?: unknown[] };
  channelId?: string;
  userId?: string;
};

export type ViewSubmissionInput = {
  callbackId: string;
  /** `state.values`: block_id → action_id → value object, as Slack sends them. */
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  userId?: string;
  /** An open view to submit (its blocks and title are copied in); a fresh id otherwise. */
  viewId?: string;
};

type Deps = {
  workspace: Workspace;
  responseUrls: ResponseUrls;
  triggers: TriggerRegistry;
  now: () => number;
};

function actionTs(now: number): string {
  return (now / 1000).toFixed(6);
}

function findElement(
  blocks: unknown[] | undefined,
  actionId: string,
  value: string | undefined,
): { blockId?: string; element?: Record<string, unknown> } {
  for (const block of blocks ?? []) {
    if (typeof block !== 'object' || block === null) continue;
    const b = block as Record<string, unknown>;
    const candidates = [
      ...(Array.isArray(b.elements) ? b.elements : []),
      ...(b.accessory ? [b.accessory] : []),
    ] as Record<string, unknown>[];
    const match =
      candidates.find(
        (e) => e?.action_id === actionId && (value === undefined || e.value === value),
      ) ?? candidates.find((e) => e?.action_id === actionId);
    if (match)
      return { blockId: typeof b.block_id === 'string' ? b.block_id : undefined, element: match };
  }
  return {};
}

export type PayloadFactories = ReturnType<typeof createPayloadFactories>;

export function createPayloadFactories(deps: Deps) {
  const { workspace } = deps;
  const userJson = (userId: string) => ({
    id: userId,
    username: workspace.users.get(userId)?.name ?? userId,
    name: workspace.users.get(userId)?.name ?? userId,
    team_id: workspace.teamId,
  });
  const channelName = (channelId: string) => workspace.channels.get(channelId)?.name ?? channelId;
  const team = () => ({ id: workspace.teamId, domain: workspace.teamDomain });

  return {
    /** The form fields of a slash command (all strings, as Slack posts them). */
    slashCommand(input: SlashCommandInput): Record<string, string> {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
      return {
        token: VERIFICATION_TOKEN,
        team_id: input.teamId ?? workspace.teamId,
        team_domain: workspace.teamDomain,
        channel_id: channelId,
        channel_name: channelName(channelId),
        user_id: userId,
        user_name: workspace.users.get(userId)?.name ?? userId,
        command: input.command ?? '/hire',
        text: input.text,
        api_app_id: workspace.appId,
        is_enterprise_install: 'false',
        response_url: deps.responseUrls.register({
          kind: 'command',
          channel: channelId,
          user: userId,
        }),
        trigger_id: deps.triggers.issue(userId),
      };
    },

    /** A `block_actions` payload for one button press (or other element). */
    blockAction(input: BlockActionInput): Record<string, unknown> {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
      const now = deps.now();
      const inView = input.container?.type === 'view';
      const original =
        input.messageTs === undefined
          ? undefined
          : workspace.findMessage(channelId, input.messageTs);
      const viewId = inView ? String(input.container?.view_id ?? '') : undefined;
      const view = viewId ? workspace.views.get(viewId) : undefined;
      const blocks = original?.blocks ?? (view?.view.blocks as unknown[] | undefined);
      const found = findElement(blocks, input.actionId, input.value);
      const element = found.element;
      const action: Record<string, unknown> = {
        type: input.elementType ?? (typeof element?.type === 'string' ? element.type : 'button'),
        action_id: input.actionId,
        block_id: input.blockId ?? found.blockId ?? 'loopback-block',
        action_ts: actionTs(now),
      };
      if (input.value !== undefined) action.value = input.value;
      if (element?.text) action.text = element.text;
      const payload: Record<string, unknown> = {
        type: 'block_actions',
        user: userJson(userId),
        api_app_id: workspace.appId,
        token: VERIFICATION_TOKEN,
        container: input.container ?? {
          type: 'message',
          message_ts: input.messageTs ?? actionTs(now),
          channel_id: channelId,
          is_ephemeral: original?.ephemeral ?? false,
        },
        trigger_id: deps.triggers.issue(userId),
        team: team(),
        enterprise: null,
        is_enterprise_install: false,
        state: { values: {} },
        actions: [action],
      };
      if (inView) {
        if (view)
          payload.view = { ...view.view, id: view.id, hash: view.hash, state: { values: {} } };
        return payload;
      }
      payload.channel = { id: channelId, name: channelName(channelId) };
      // Slack leaves the message out of payloads from ephemeral messages.
      if (original && !original.ephemeral) {
        payload.message = {
          type: 'message',
          user: original.user,
          text: original.text,
          blocks: original.blocks,
          ts: original.ts,
          thread_ts: original.threadTs,
        };
      }
      payload.response_url = deps.responseUrls.register({
        kind: 'action',
        channel: channelId,
        user: userId,
        originalTs: input.messageTs,
      });
      return payload;
    },

    /**
     * A `message_action` payload. The message is added to the model (as a user's message)
     * so that chat.getPermalink and thread replies to it work.
     */
    messageShortcut(input: MessageShortcutInput): Record<string, unknown> {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
      const now = deps.now();
      const author = input.message.user ?? DEFAULT_USER_ID;
      let ts = input.message.ts;
      if (ts === undefined || !workspace.findMessage(channelId, ts)) {
        ts = ts ?? workspace.nextTs(now);
        workspace.addMessage({
          channel: channelId,
          ts,
          user: author,
          text: input.message.text,
          ephemeral: false,
          source: 'test',
          deleted: false,
        });
      }
      const message: Record<string, unknown> = {
        type: 'message',
        user: author,
        text: input.message.text,
        ts,
      };
      if (input.message.files) message.files = input.message.files;
      return {
        type: 'message_action',
        token: VERIFICATION_TOKEN,
        action_ts: actionTs(now),
        team: team(),
        user: userJson(userId),
        channel: { id: channelId, name: channelName(channelId) },
        is_enterprise_install: false,
        enterprise: null,
        callback_id: input.callbackId,
        trigger_id: deps.triggers.issue(userId),
        response_url: deps.responseUrls.register({
          kind: 'shortcut',
          channel: channelId,
          user: userId,
        }),
        message_ts: ts,
        message,
      };
    },

    /** A `view_submission` payload. */
    viewSubmission(input: ViewSubmissionInput): Record<string, unknown> {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const open = input.viewId ? workspace.views.get(input.viewId) : undefined;
      const id = open?.id ?? input.viewId ?? workspace.nextId('V');
      return {
        type: 'view_submission',
        team: team(),
        user: userJson(userId),
        api_app_id: workspace.appId,
        token: VERIFICATION_TOKEN,
        trigger_id: deps.triggers.issue(userId),
        view: {
          ...(open?.view ?? { type: 'modal', blocks: [] }),
          id,
          team_id: workspace.teamId,
          callback_id: input.callbackId,
          private_metadata: input.privateMetadata ?? '',
          state: { values: input.values },
          hash: open?.hash ?? `${deps.now()}.${id}`,
          root_view_id: open?.rootViewId ?? id,
          previous_view_id: open?.previousViewId ?? null,
          app_id: workspace.appId,
          bot_id: workspace.botId,
        },
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      };
    },

    /** An Events API `event_callback` wrapping `event`. */
    eventCallback(event: Record<string, unknown>): Record<string, unknown> {
      const now = deps.now();
      return {
        token: VERIFICATION_TOKEN,
        team_id: workspace.teamId,
        api_app_id: workspace.appId,
        event: { event_ts: actionTs(now), ...event },
        type: 'event_callback',
        event_id: workspace.nextId('Ev'),
        event_time: Math.floor(now / 1000),
        authorizations: [
          {
            team_id: workspace.teamId,
            user_id: workspace.botUserId,
            is_bot: true,
            is_enterprise_install: false,
          },
        ],
        is_ext_shared_channel: false,
      };
    },
  };
}
