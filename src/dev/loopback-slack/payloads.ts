/**
 * Payloads as Slack sends them to an app, bound to one loopback Slack: each carries a live
 * response_url and trigger_id that the loopback honours (5 uses; 3 seconds, single use).
 * The same objects serve Socket Mode envelopes and signed HTTP requests.
 *
 * Who asks: any user of the model. `user.team_id` is that user's own organisation (another
 * one for a Slack Connect user), while `team` / `team_id` stay the installation's workspace,
 * which is what Bolt authorizes with. A slash command carries no team of the user at all.
 */
import { createEventPayloads } from './event-payloads.js';
import type { FileStore } from './files.js';
import { actionTs, VERIFICATION_TOKEN } from './payload-fields.js';
import type { ResponseUrls } from './response-url.js';
import type { TriggerRegistry } from './triggers.js';
import { type StateValues, viewJson } from './view-json.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_USER_ID,
  type LoopbackView,
  type Workspace,
} from './workspace.js';

export { VERIFICATION_TOKEN } from './payload-fields.js';

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
  /** Element type (default: the element's own type in the blocks, else button). */
  elementType?: string;
  /** From the user's Home tab (published before with views.publish). */
  inHome?: boolean;
  /** From this open view (a modal, or a Home by id). */
  viewId?: string;
  /**
   * `view.state.values` for an action inside a view. The acting element's own value is added
   * when it is a `plain_text_input` (an input dispatched on enter).
   */
  stateValues?: StateValues;
};

export type MessageShortcutInput = {
  callbackId: string;
  /**
   * `files`: ids of files added with `slack.files.add` (shown as Slack shows them), or objects
   * passed through as they are.
   */
  message: { text: string; ts?: string; user?: string; files?: unknown[] };
  channelId?: string;
  userId?: string;
};

export type GlobalShortcutInput = {
  callbackId: string;
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
  files: FileStore;
  now: () => number;
};

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
      ...(b.element ? [b.element] : []),
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
    team_id: workspace.teamOf(userId),
  });
  const findView = (input: BlockActionInput, userId: string): LoopbackView | undefined => {
    if (input.inHome) {
      const home = workspace.homeOf(userId);
      if (!home) throw new Error(`no Home published for ${userId} yet (views.publish)`);
      return home;
    }
    const id =
      input.viewId ??
      (input.container?.type === 'view' ? String(input.container.view_id ?? '') : undefined);
    return id ? workspace.views.get(id) : undefined;
  };
  const messageFiles = (files: unknown[]): unknown[] =>
    files.map((entry) => {
      if (typeof entry !== 'string') return entry;
      const file = deps.files.get(entry);
      if (!file) throw new Error(`no file ${entry} in the loopback workspace (slack.files.add)`);
      return deps.files.messageJson(file);
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

    /**
     * A `block_actions` payload for one button press (or other element): from a message
     * (`messageTs`), or from a view (`inHome`, `viewId`, or a `container` of type `view`) with
     * the whole view and no channel or response_url, as Slack sends them.
     */
    blockAction(input: BlockActionInput): Record<string, unknown> {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
      const now = deps.now();
      const view = findView(input, userId);
      const inView =
        view !== undefined ||
        input.inHome === true ||
        input.viewId !== undefined ||
        input.container?.type === 'view';
      const original =
        inView || input.messageTs === undefined
          ? undefined
          : workspace.findMessage(channelId, input.messageTs);
      const blocks = view ? (view.view.blocks as unknown[] | undefined) : original?.blocks;
      const found = findElement(blocks, input.actionId, input.value);
      const element = found.element;
      const blockId = input.blockId ?? found.blockId ?? 'loopback-block';
      const type =
        input.elementType ?? (typeof element?.type === 'string' ? element.type : 'button');
      const action: Record<string, unknown> = {
        type,
        action_id: input.actionId,
        block_id: blockId,
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
        actions: [action],
      };
      if (inView) {
        if (view) {
          const values: StateValues = { ...input.stateValues };
          if (type === 'plain_text_input') {
            values[blockId] = {
              ...values[blockId],
              [input.actionId]: { type, value: input.value ?? null },
            };
          }
          payload.container = input.container ?? { type: 'view', view_id: view.id };
          payload.view = viewJson(workspace, view, values);
        }
        return payload;
      }
      payload.state = { values: {} };
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
          team: workspace.teamOf(original.user),
          ...(original.files ? { files: original.files, upload: true } : {}),
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
      const files = input.message.files ? messageFiles(input.message.files) : undefined;
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
          files,
        });
      }
      const message: Record<string, unknown> = {
        type: 'message',
        user: author,
        text: input.message.text,
        ts,
        team: workspace.teamOf(author),
      };
      if (files) {
        message.files = files;
        message.upload = true;
      }
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

    /** A global `shortcut` payload (from the shortcuts menu: no channel, no message). */
    globalShortcut(input: GlobalShortcutInput): Record<string, unknown> {
      const userId = input.userId ?? DEFAULT_USER_ID;
      const user = workspace.users.get(userId);
      return {
        type: 'shortcut',
        token: VERIFICATION_TOKEN,
        action_ts: actionTs(deps.now()),
        team: team(),
        user: { id: userId, username: user?.name ?? userId, team_id: workspace.teamOf(userId) },
        is_enterprise_install: false,
        enterprise: null,
        callback_id: input.callbackId,
        trigger_id: deps.triggers.issue(userId),
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
          app_installed_team_id: workspace.teamId,
          bot_id: workspace.botId,
        },
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      };
    },

    ...createEventPayloads(deps),
  };
}
