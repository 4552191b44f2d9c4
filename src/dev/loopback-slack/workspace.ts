/**
 * The loopback Slack's small model of one workspace: users, channels, the messages the bot
 * and the tests put in them, and open views. Enough state for chat.update / delete /
 * getPermalink and response_url edits to behave as in Slack, nothing more.
 */

export type LoopbackUser = {
  id: string;
  name: string;
  realName?: string;
  tz: string;
  isBot?: boolean;
  deleted?: boolean;
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
};

export const DEFAULT_USER_ID = 'U0LOOPBACK';
export const DEFAULT_CHANNEL_ID = 'C0LOOPBACK';

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
  private lastSec = 0;
  private lastMicro = 0;
  private counter = 0;

  constructor(options: WorkspaceOptions = {}) {
    this.teamId = options.teamId ?? 'T0LOOPBACK';
    this.teamDomain = options.teamDomain ?? 'loopback';
    this.appId = options.appId ?? 'A0LOOPBACK';
    this.botUserId = options.botUserId ?? 'U0BOT';
    this.botId = options.botId ?? 'B0BOT';
    const users = options.users ?? [
      { id: DEFAULT_USER_ID, name: 'casey', realName: 'Casey Loopback', tz: 'America/New_York' },
    ];
    for (const user of users) this.users.set(user.id, user);
    this.users.set(this.botUserId, {
      id: this.botUserId,
      name: 'hire-bot',
      tz: 'UTC',
      isBot: true,
    });
    const channels = options.channels ?? [
      { id: DEFAULT_CHANNEL_ID, name: 'hiring', botIsMember: true },
      { id: 'C0OUTSIDE', name: 'random', botIsMember: false },
      { id: 'C0ARCHIVED', name: 'old-hiring', botIsMember: true, isArchived: true },
    ];
    for (const channel of channels) this.addChannel(channel);
  }

  addChannel(channel: LoopbackChannel): LoopbackChannel {
    const stored = { members: [...this.users.keys()], ...channel };
    this.channels.set(stored.id, stored);
    return stored;
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
