/**
 * The loopback Slack's small model of one workspace: users (members, guests, people from
 * another organisation), channels (some shared with another organisation), the messages the
 * bot and the tests put in them, and open views (modals and each user's Home). Enough state
 * for chat.update / delete / getPermalink and response_url edits to behave as in Slack.
 */

export type LoopbackUser = {
  id: string;
  name: string;
  realName?: string;
  tz: string;
  isBot?: boolean;
  deleted?: boolean;
  /** Their organisation's team id; another one than the workspace's = a Slack Connect user. */
  teamId?: string;
  /** A guest (`is_restricted`). */
  isRestricted?: boolean;
  /** A single-channel guest (`is_ultra_restricted`; Slack sets `is_restricted` too). */
  isUltraRestricted?: boolean;
  isAdmin?: boolean;
};

export type LoopbackChannel = {
  id: string;
  name: string;
  isArchived?: boolean;
  isPrivate?: boolean;
  isIm?: boolean;
  /** Whether the bot user is a member (posting elsewhere answers `not_in_channel`). */
  botIsMember?: boolean;
  /** Member user ids (the bot is tracked by `botIsMember`). */
  members?: string[];
  /** Team ids of the other organisations it is shared with (Slack Connect). */
  sharedWith?: string[];
  /** Shared between workspaces of one Enterprise Grid organisation. */
  isOrgShared?: boolean;
};

export type LoopbackMessage = {
  channel: string;
  ts: string;
  threadTs?: string;
  /** Author: the bot user id for the bot's own messages. */
  user: string;
  text: string;
  blocks?: unknown[];
  ephemeral: boolean;
  /** For ephemeral messages: the only user who sees it. */
  visibleTo?: string;
  /** How it got there. */
  source: 'api' | 'ack' | 'response_url' | 'test';
  deleted: boolean;
  /** Limit violations seen when it was posted (acks and response_url bodies are kept anyway). */
  violations?: string[];
  /** `files[]` as Slack shows them on the message (see files.ts). */
  files?: unknown[];
};

export type LoopbackView = {
  id: string;
  userId: string;
  view: Record<string, unknown>;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  externalId?: string;
};

export type WorkspaceOptions = {
  teamId?: string;
  teamDomain?: string;
  appId?: string;
  botUserId?: string;
  botId?: string;
  users?: LoopbackUser[];
  channels?: LoopbackChannel[];
  /** The app's Home tab is on (default true); off, views.publish answers `not_enabled`. */
  homeTabEnabled?: boolean;
};

export const DEFAULT_USER_ID = 'U0LOOPBACK';
export const DEFAULT_CHANNEL_ID = 'C0LOOPBACK';
/** A multi-channel guest (`is_restricted`), member of #hiring. */
export const DEFAULT_GUEST_ID = 'U0GUEST';
/** A single-channel guest (`is_restricted` and `is_ultra_restricted`), member of #hiring. */
export const DEFAULT_SINGLE_CHANNEL_GUEST_ID = 'U0SCGUEST';
/** Someone from another organisation, in the shared channel only. */
export const DEFAULT_EXTERNAL_USER_ID = 'U0EXTERNAL';
/** The other organisation's team id. */
export const DEFAULT_EXTERNAL_TEAM_ID = 'T0PARTNER';
/** #hiring-agency, shared with the other organisation (Slack Connect); the bot is a member. */
export const DEFAULT_SHARED_CHANNEL_ID = 'C0SHARED';

export class Workspace {
  readonly teamId: string;
  readonly teamDomain: string;
  readonly appId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly users = new Map<string, LoopbackUser>();
  readonly channels = new Map<string, LoopbackChannel>();
  /** Every message ever shown, in order; deleted ones stay with `deleted: true`. */
  readonly messages: LoopbackMessage[] = [];
  private readonly byKey = new Map<string, LoopbackMessage>();
  readonly views = new Map<string, LoopbackView>();
  homeTabEnabled: boolean;
  private lastSec = 0;
  private lastMicro = 0;
  private counter = 0;

  constructor(options: WorkspaceOptions = {}) {
    this.teamId = options.teamId ?? 'T0LOOPBACK';
    this.teamDomain = options.teamDomain ?? 'loopback';
    this.appId = options.appId ?? 'A0LOOPBACK';
    this.botUserId = options.botUserId ?? 'U0BOT';
    this.botId = options.botId ?? 'B0BOT';
    this.homeTabEnabled = options.homeTabEnabled ?? true;
    const users = options.users ?? [
      { id: DEFAULT_USER_ID, name: 'casey', realName: 'Casey Loopback', tz: 'America/New_York' },
      {
        id: DEFAULT_GUEST_ID,
        name: 'gale',
        realName: 'Gale Guest',
        tz: 'Europe/Berlin',
        isRestricted: true,
      },
      {
        id: DEFAULT_SINGLE_CHANNEL_GUEST_ID,
        name: 'sol',
        realName: 'Sol Single-Channel',
        tz: 'Europe/Berlin',
        isRestricted: true,
        isUltraRestricted: true,
      },
      {
        id: DEFAULT_EXTERNAL_USER_ID,
        name: 'pat',
        realName: 'Pat Partner',
        tz: 'Europe/London',
        teamId: DEFAULT_EXTERNAL_TEAM_ID,
      },
    ];
    for (const user of users) this.users.set(user.id, user);
    this.users.set(this.botUserId, {
      id: this.botUserId,
      name: 'hire-bot',
      tz: 'UTC',
      isBot: true,
    });
    const hiring = [DEFAULT_USER_ID, DEFAULT_GUEST_ID, DEFAULT_SINGLE_CHANNEL_GUEST_ID];
    const channels = options.channels ?? [
      { id: DEFAULT_CHANNEL_ID, name: 'hiring', botIsMember: true, members: hiring },
      { id: 'C0OUTSIDE', name: 'random', botIsMember: false, members: [DEFAULT_USER_ID] },
      {
        id: 'C0ARCHIVED',
        name: 'old-hiring',
        botIsMember: true,
        isArchived: true,
        members: [DEFAULT_USER_ID],
      },
      {
        id: DEFAULT_SHARED_CHANNEL_ID,
        name: 'hiring-agency',
        botIsMember: true,
        members: [DEFAULT_USER_ID, DEFAULT_EXTERNAL_USER_ID],
        sharedWith: [DEFAULT_EXTERNAL_TEAM_ID],
      },
    ];
    for (const channel of channels) this.addChannel(channel);
  }

  /** Adds a channel; without `members`, every full member of the workspace is in it. */
  addChannel(channel: LoopbackChannel): LoopbackChannel {
    const stored = { members: this.fullMemberIds(), ...channel };
    this.channels.set(stored.id, stored);
    return stored;
  }

  /** Users of this workspace who are neither guests, bots nor from another organisation. */
  private fullMemberIds(): string[] {
    return [...this.users.values()]
      .filter((u) => !u.isBot && !u.isRestricted && this.teamOf(u.id) === this.teamId)
      .map((u) => u.id);
  }

  /** The team id of a user's own organisation (the workspace's for unknown ids). */
  teamOf(userId: string): string {
    return this.users.get(userId)?.teamId ?? this.teamId;
  }

  /** Whether a channel is shared with another organisation (Slack Connect). */
  isExtShared(channelId: string): boolean {
    return (this.channels.get(channelId)?.sharedWith?.length ?? 0) > 0;
  }

  /** The Home tab last published for a user, if any. */
  homeOf(userId: string): LoopbackView | undefined {
    for (const view of this.views.values()) {
      if (view.userId === userId && view.view.type === 'home') return view;
    }
    return undefined;
  }

  addUser(user: LoopbackUser): void {
    this.users.set(user.id, user);
  }

  /** Resolves a `channel` argument: an id, a name (with or without #), or a user id (DM). */
  findChannel(ref: string): LoopbackChannel | undefined {
    const direct = this.channels.get(ref);
    if (direct) return direct;
    if (/^[UW][A-Z0-9]+$/.test(ref) && this.users.has(ref)) {
      const id = `D${ref.slice(1)}`;
      return (
        this.channels.get(id) ??
        this.addChannel({ id, name: ref, isIm: true, botIsMember: true, members: [ref] })
      );
    }
    const name = ref.startsWith('#') ? ref.slice(1) : ref;
    for (const channel of this.channels.values()) if (channel.name === name) return channel;
    return undefined;
  }

  /** A fresh, strictly increasing message timestamp like Slack's `1712345678.000100`. */
  nextTs(nowMs: number): string {
    let sec = Math.max(Math.floor(nowMs / 1000), this.lastSec);
    let micro = sec === this.lastSec ? this.lastMicro + 1 : 0;
    if (micro > 999_999) {
      sec += 1;
      micro = 0;
    }
    this.lastSec = sec;
    this.lastMicro = micro;
    return `${sec}.${String(micro).padStart(6, '0')}`;
  }

  /** A fresh id with Slack's shape, e.g. `V0000000042` for a view. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(10, '0')}`;
  }

  addMessage(message: LoopbackMessage): LoopbackMessage {
    this.messages.push(message);
    this.byKey.set(`${message.channel}/${message.ts}`, message);
    return message;
  }

  clearMessages(): void {
    this.messages.length = 0;
    this.byKey.clear();
  }

  findMessage(channel: string, ts: string): LoopbackMessage | undefined {
    const message = this.byKey.get(`${channel}/${ts}`);
    return message && !message.deleted ? message : undefined;
  }

  permalink(channel: string, ts: string, threadTs?: string): string {
    const base = `https://${this.teamDomain}.slack/archives/${channel}/p${ts.replace('.', '')}`;
    return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
  }
}
