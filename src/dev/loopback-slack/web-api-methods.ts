/**
 * The Web API methods the loopback Slack implements, against the workspace model. Each takes
 * parsed arguments and answers Slack's JSON (`ok: true` with data, or `ok: false` + `error`).
 */
import { DateTime } from 'luxon';
import {
  findMessageViolations,
  findViewViolations,
  MAX_VIEW_BYTES,
  viewBytes,
} from '../slack-limits.js';
import type { FileStore } from './files.js';
import type { TriggerRegistry } from './triggers.js';
import { viewJson as viewJsonOf } from './view-json.js';
import type {
  LoopbackChannel,
  LoopbackMessage,
  LoopbackUser,
  LoopbackView,
  Workspace,
} from './workspace.js';

export type Args = Record<string, unknown>;
export type ApiResult = Record<string, unknown> & { ok: boolean };

export type MethodContext = {
  workspace: Workspace;
  triggers: TriggerRegistry;
  now: () => number;
  /** A fresh Socket Mode URL (apps.connections.open). */
  openSocketUrl: () => string;
  files: FileStore;
};

export type MethodHandler = (args: Args, ctx: MethodContext) => ApiResult;

/** Slack's text limit; anything longer is rejected here (Slack truncates at 40,000). */
const SLACK_MAX_TEXT = 40_000;
/** Where Slack starts answering `msg_blocks_too_long`. */
const SLACK_MAX_SERIALIZED_BLOCKS = 13_000;
const MAX_VIEW_STACK = 3;

const fail = (error: string, extra: Record<string, unknown> = {}): ApiResult => ({
  ok: false,
  error,
  ...extra,
});

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** Checks text and blocks the way chat.postMessage / chat.update do. */
function checkMessage(args: Args, requireContent: boolean): ApiResult | undefined {
  const text = args.text;
  const blocks = args.blocks;
  if (blocks !== undefined && !Array.isArray(blocks)) {
    return fail('invalid_blocks_format');
  }
  const hasText = typeof text === 'string' && text.length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (requireContent && !hasText && !hasBlocks && args.attachments === undefined) {
    return fail('no_text');
  }
  if (typeof text === 'string' && text.length > SLACK_MAX_TEXT) return fail('msg_too_long');
  if (Array.isArray(blocks) && JSON.stringify(blocks).length > SLACK_MAX_SERIALIZED_BLOCKS) {
    return fail('msg_blocks_too_long');
  }
  const violations = findMessageViolations({ text, blocks });
  if (violations.length === 0) return undefined;
  const blockViolations = violations.filter((v) => v.pointer.startsWith('/blocks'));
  if (blockViolations.length === 0) return fail('msg_too_long');
  // Slack's own wording: "<problem> [json-pointer:/blocks/0/text/text]".
  return fail('invalid_blocks', {
    errors: blockViolations.map((v) => `${v.problem} [json-pointer:${v.pointer}]`),
  });
}

/** Finds a channel the bot may post in, or the error Slack gives. */
function postableChannel(
  args: Args,
  ctx: MethodContext,
): { channel: LoopbackChannel } | { error: ApiResult } {
  const ref = str(args.channel);
  const channel = ref === undefined ? undefined : ctx.workspace.findChannel(ref);
  if (!channel) return { error: fail('channel_not_found') };
  if (channel.isArchived) return { error: fail('is_archived') };
  if (!channel.botIsMember) return { error: fail('not_in_channel') };
  return { channel };
}

function messageJson(ctx: MethodContext, message: LoopbackMessage): Record<string, unknown> {
  return {
    type: 'message',
    user: message.user,
    bot_id: message.user === ctx.workspace.botUserId ? ctx.workspace.botId : undefined,
    app_id: message.user === ctx.workspace.botUserId ? ctx.workspace.appId : undefined,
    text: message.text,
    blocks: message.blocks,
    ts: message.ts,
    thread_ts: message.threadTs,
    team: ctx.workspace.teamOf(message.user),
    files: message.files,
  };
}

function channelJson(ctx: MethodContext, channel: LoopbackChannel): Record<string, unknown> {
  const others = channel.sharedWith ?? [];
  const shared = others.length > 0 || Boolean(channel.isOrgShared);
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isIm && !channel.isPrivate,
    is_group: Boolean(channel.isPrivate),
    is_im: Boolean(channel.isIm),
    is_private: Boolean(channel.isPrivate || channel.isIm),
    is_archived: Boolean(channel.isArchived),
    is_member: Boolean(channel.botIsMember),
    is_general: false,
    is_shared: shared,
    is_ext_shared: others.length > 0,
    is_org_shared: Boolean(channel.isOrgShared),
    is_pending_ext_shared: false,
    ...(shared
      ? {
          shared_team_ids: [ctx.workspace.teamId, ...others],
          conversation_host_id: ctx.workspace.teamId,
        }
      : {}),
    context_team_id: ctx.workspace.teamId,
    created: 1_700_000_000,
    num_members: channel.members?.length ?? 0,
  };
}

const viewJson = (ctx: MethodContext, stored: LoopbackView) => viewJsonOf(ctx.workspace, stored);

function userJson(ctx: MethodContext, user: LoopbackUser): Record<string, unknown> {
  const zoned = DateTime.fromMillis(ctx.now()).setZone(user.tz);
  const teamId = ctx.workspace.teamOf(user.id);
  const restricted = Boolean(user.isRestricted || user.isUltraRestricted);
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: Boolean(user.deleted),
    real_name: user.realName ?? user.name,
    tz: user.tz,
    tz_label: zoned.isValid ? zoned.offsetNameLong : user.tz,
    tz_offset: zoned.isValid ? zoned.offset * 60 : 0,
    profile: {
      display_name: user.name,
      real_name: user.realName ?? user.name,
      team: teamId,
    },
    is_admin: Boolean(user.isAdmin),
    is_owner: false,
    is_primary_owner: false,
    is_restricted: restricted,
    is_ultra_restricted: Boolean(user.isUltraRestricted),
    is_bot: Boolean(user.isBot),
    is_app_user: false,
    updated: 1_700_000_000,
  };
}

function parseView(args: Args): { view: Record<string, unknown> } | { error: ApiResult } {
  const view = args.view;
  if (typeof view !== 'object' || view === null || Array.isArray(view)) {
    return { error: fail('invalid_arguments', { response_metadata: { messages: ['view'] } }) };
  }
  // Slack's own code for a view past its size ceiling, before any other check.
  if (viewBytes(view) > MAX_VIEW_BYTES) return { error: fail('view_too_large') };
  const violations = findViewViolations(view);
  if (violations.length > 0) {
    return {
      error: fail('invalid_arguments', {
        response_metadata: {
          messages: violations.map((v) => `[ERROR] ${v.problem} [json-pointer:/view${v.pointer}]`),
        },
      }),
    };
  }
  return { view: view as Record<string, unknown> };
}

function storeView(
  ctx: MethodContext,
  userId: string,
  view: Record<string, unknown>,
  parent?: LoopbackView,
): LoopbackView {
  const id = ctx.workspace.nextId('V');
  const stored: LoopbackView = {
    id,
    userId,
    view,
    hash: `${ctx.now()}.${id}`,
    rootViewId: parent?.rootViewId ?? id,
    previousViewId: parent?.id ?? null,
    externalId: str(view.external_id),
  };
  ctx.workspace.views.set(id, stored);
  return stored;
}

/** A new hash for a changed view, unique even within one millisecond. */
function freshHash(ctx: MethodContext, id: string): string {
  return `${ctx.now()}.${id}.${ctx.workspace.nextId('')}`;
}

function stackDepth(ctx: MethodContext, view: LoopbackView): number {
  let depth = 1;
  let current: LoopbackView | undefined = view;
  while (current?.previousViewId) {
    current = ctx.workspace.views.get(current.previousViewId);
    depth += 1;
  }
  return depth;
}

function useTrigger(args: Args, ctx: MethodContext): { userId: string } | { error: ApiResult } {
  const triggerId = str(args.trigger_id);
  if (!triggerId) return { error: fail('invalid_arguments') };
  const check = ctx.triggers.use(triggerId);
  if (check !== 'ok') return { error: fail(check) };
  return { userId: ctx.triggers.userOf(triggerId) ?? '' };
}

/** Records a message the bot posted through the Web API (in channel, or visible to one user). */
function addBotMessage(
  args: Args,
  channel: string,
  ctx: MethodContext,
  visibility: { ephemeral: boolean; visibleTo?: string },
) {
  return ctx.workspace.addMessage({
    channel,
    ts: ctx.workspace.nextTs(ctx.now()),
    threadTs: str(args.thread_ts),
    user: ctx.workspace.botUserId,
    text: typeof args.text === 'string' ? args.text : '',
    blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
    ...visibility,
    source: 'api',
    deleted: false,
  });
}

function post(args: Args, ctx: MethodContext): ApiResult {
  const found = postableChannel(args, ctx);
  if ('error' in found) return found.error;
  const problem = checkMessage(args, true);
  if (problem) return problem;
  const message = addBotMessage(args, found.channel.id, ctx, { ephemeral: false });
  return {
    ok: true,
    channel: found.channel.id,
    ts: message.ts,
    message: messageJson(ctx, message),
  };
}

export const methods: Record<string, MethodHandler> = {
  'api.test': (args) => ({ ok: true, args }),

  'auth.test': (_args, ctx) => ({
    ok: true,
    url: `https://${ctx.workspace.teamDomain}.slack/`,
    team: 'Loopback',
    user: 'hire-bot',
    team_id: ctx.workspace.teamId,
    user_id: ctx.workspace.botUserId,
    bot_id: ctx.workspace.botId,
    is_enterprise_install: false,
  }),

  'apps.connections.open': (_args, ctx) => ({ ok: true, url: ctx.openSocketUrl() }),

  'chat.postMessage': post,

  'chat.postEphemeral': (args, ctx) => {
    const found = postableChannel(args, ctx);
    if ('error' in found) return found.error;
    const userId = str(args.user);
    if (!userId || !ctx.workspace.users.has(userId)) return fail('user_not_found');
    if (found.channel.members && !found.channel.members.includes(userId)) {
      return fail('user_not_in_channel');
    }
    const problem = checkMessage(args, true);
    if (problem) return problem;
    const message = addBotMessage(args, found.channel.id, ctx, {
      ephemeral: true,
      visibleTo: userId,
    });
    return { ok: true, message_ts: message.ts };
  },

  'chat.update': (args, ctx) => {
    const channel = str(args.channel);
    const ts = str(args.ts);
    if (!channel || !ctx.workspace.findChannel(channel)) return fail('channel_not_found');
    const message = ts === undefined ? undefined : ctx.workspace.findMessage(channel, ts);
    // Ephemeral messages are out of chat.update's reach, as in Slack.
    if (!message || message.ephemeral) return fail('message_not_found');
    if (message.user !== ctx.workspace.botUserId) return fail('cant_update_message');
    const problem = checkMessage(args, false);
    if (problem) return problem;
    if (typeof args.text === 'string') message.text = args.text;
    if (Array.isArray(args.blocks)) message.blocks = args.blocks;
    return {
      ok: true,
      channel: message.channel,
      ts: message.ts,
      text: message.text,
      message: messageJson(ctx, message),
    };
  },

  'chat.delete': (args, ctx) => {
    const channel = str(args.channel);
    const ts = str(args.ts);
    if (!channel || !ctx.workspace.findChannel(channel)) return fail('channel_not_found');
    const message = ts === undefined ? undefined : ctx.workspace.findMessage(channel, ts);
    if (!message || message.ephemeral) return fail('message_not_found');
    if (message.user !== ctx.workspace.botUserId) return fail('cant_delete_message');
    message.deleted = true;
    return { ok: true, channel: message.channel, ts: message.ts };
  },

  'chat.getPermalink': (args, ctx) => {
    const channel = str(args.channel);
    const ts = str(args.message_ts);
    if (!channel || !ctx.workspace.findChannel(channel)) return fail('channel_not_found');
    const message = ts === undefined ? undefined : ctx.workspace.findMessage(channel, ts);
    if (!message) return fail('message_not_found');
    return {
      ok: true,
      channel,
      permalink: ctx.workspace.permalink(channel, message.ts, message.threadTs),
    };
  },

  'conversations.info': (args, ctx) => {
    const ref = str(args.channel);
    const channel = ref === undefined ? undefined : ctx.workspace.findChannel(ref);
    if (!channel) return fail('channel_not_found');
    return { ok: true, channel: channelJson(ctx, channel) };
  },

  'conversations.members': (args, ctx) => {
    const ref = str(args.channel);
    const channel = ref === undefined ? undefined : ctx.workspace.findChannel(ref);
    if (!channel) return fail('channel_not_found');
    const members = [...(channel.members ?? [])];
    if (channel.botIsMember) members.push(ctx.workspace.botUserId);
    return { ok: true, members, response_metadata: { next_cursor: '' } };
  },

  'conversations.join': (args, ctx) => {
    const ref = str(args.channel);
    const channel = ref === undefined ? undefined : ctx.workspace.findChannel(ref);
    if (!channel) return fail('channel_not_found');
    if (channel.isArchived) return fail('is_archived');
    if (channel.isPrivate || channel.isIm) return fail('method_not_supported_for_channel_type');
    const already = Boolean(channel.botIsMember);
    channel.botIsMember = true;
    return {
      ok: true,
      channel: channelJson(ctx, channel),
      ...(already ? { warning: 'already_in_channel' } : {}),
    };
  },

  'users.info': (args, ctx) => {
    const id = str(args.user);
    const user = id === undefined ? undefined : ctx.workspace.users.get(id);
    if (!user) return fail('user_not_found');
    return { ok: true, user: userJson(ctx, user) };
  },

  'files.info': (args, ctx) => {
    const id = str(args.file);
    if (!id) return fail('invalid_arguments');
    const found = ctx.files.info(id);
    if ('error' in found) return fail(found.error);
    return {
      ok: true,
      file: ctx.files.infoJson(found.file),
      comments: [],
      response_metadata: { next_cursor: '' },
    };
  },

  'views.open': (args, ctx) => {
    const parsed = parseView(args);
    if ('error' in parsed) return parsed.error;
    const trigger = useTrigger(args, ctx);
    if ('error' in trigger) return trigger.error;
    const stored = storeView(ctx, trigger.userId, parsed.view);
    return { ok: true, view: viewJson(ctx, stored) };
  },

  'views.push': (args, ctx) => {
    const parsed = parseView(args);
    if ('error' in parsed) return parsed.error;
    const trigger = useTrigger(args, ctx);
    if ('error' in trigger) return trigger.error;
    const top = [...ctx.workspace.views.values()]
      .reverse()
      .find((view) => view.userId === trigger.userId && view.view.type === 'modal');
    if (top && stackDepth(ctx, top) >= MAX_VIEW_STACK) return fail('push_limit_reached');
    const stored = storeView(ctx, trigger.userId, parsed.view, top);
    return { ok: true, view: viewJson(ctx, stored) };
  },

  'views.update': (args, ctx) => {
    const viewId = str(args.view_id);
    const externalId = str(args.external_id);
    if (!viewId && !externalId) return fail('invalid_arguments');
    const stored = viewId
      ? ctx.workspace.views.get(viewId)
      : [...ctx.workspace.views.values()].find((view) => view.externalId === externalId);
    if (!stored) return fail('not_found');
    const hash = str(args.hash);
    if (hash !== undefined && hash !== stored.hash) return fail('hash_conflict');
    const parsed = parseView(args);
    if ('error' in parsed) return parsed.error;
    stored.view = parsed.view;
    stored.hash = freshHash(ctx, stored.id);
    return { ok: true, view: viewJson(ctx, stored) };
  },

  'views.publish': (args, ctx) => {
    const userId = str(args.user_id);
    if (!userId || !ctx.workspace.users.has(userId)) return fail('user_not_found');
    const parsed = parseView(args);
    if ('error' in parsed) return parsed.error;
    if (parsed.view.type !== 'home') return fail('invalid_arguments');
    if (!ctx.workspace.homeTabEnabled) return fail('not_enabled');
    const existing = ctx.workspace.homeOf(userId);
    const hash = str(args.hash);
    // A hash guards against lost updates: it must be the one of the Home being replaced.
    if (hash !== undefined && hash !== existing?.hash) return fail('hash_conflict');
    if (existing) {
      existing.view = parsed.view;
      existing.hash = freshHash(ctx, existing.id);
      existing.externalId = str(parsed.view.external_id);
      return { ok: true, view: viewJson(ctx, existing) };
    }
    return { ok: true, view: viewJson(ctx, storeView(ctx, userId, parsed.view)) };
  },
};
