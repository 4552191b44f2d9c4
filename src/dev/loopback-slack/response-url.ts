/**
 * response_url endpoints (`POST /respond/<id>`) and the way a reply (an ack body or a
 * response_url POST) changes what people see: a new ephemeral or in-channel message, the
 * original replaced in place, or the original deleted.
 */
import { findMessageViolations } from '../slack-limits.js';
import type { LoopbackMessage, Workspace } from './workspace.js';

/** The interaction a response_url belongs to. */
export type ResponseContext = {
  id: string;
  kind: 'command' | 'action' | 'shortcut';
  channel: string;
  user: string;
  /** The message the interaction came from (block actions), or the command's first reply. */
  originalTs?: string;
  uses: number;
  createdAt: number;
};

export type RecordedResponse = {
  /** The response_url id (last path segment). */
  id: string;
  kind: ResponseContext['kind'];
  /** Parsed JSON body as the app sent it (not copied). */
  body: Record<string, unknown>;
  responseType: 'ephemeral' | 'in_channel';
  replaceOriginal: boolean;
  deleteOriginal: boolean;
  /** HTTP status the loopback answered. */
  status: number;
  error?: string;
  /** The message created or changed, if any. */
  messageTs?: string;
  at: number;
};

/** Slack: a response_url works 5 times within 30 minutes. */
export const MAX_RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export type ReplyOutcome =
  | { ok: true; messageTs?: string }
  | { ok: false; error: string; errors?: string[] };

export class ResponseUrls {
  readonly responses: RecordedResponse[] = [];
  private readonly contexts = new Map<string, ResponseContext>();
  private counter = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly baseUrl: () => string,
    private readonly now: () => number,
  ) {}

  register(context: Omit<ResponseContext, 'id' | 'uses' | 'createdAt'>): string {
    this.counter += 1;
    const id = `R${this.counter.toString().padStart(6, '0')}`;
    this.contexts.set(id, { ...context, id, uses: 0, createdAt: this.now() });
    return `${this.baseUrl()}/respond/${id}`;
  }

  contextOf(responseUrl: string): ResponseContext | undefined {
    return this.contexts.get(responseUrl.slice(responseUrl.lastIndexOf('/') + 1));
  }

  /** Applies a reply to the model as Slack would show it. */
  applyReply(
    context: ResponseContext,
    body: Record<string, unknown>,
    source: LoopbackMessage['source'],
  ): ReplyOutcome {
    const original =
      context.originalTs === undefined
        ? undefined
        : this.workspace.findMessage(context.channel, context.originalTs);
    if (body.delete_original === true) {
      if (!original) return { ok: false, error: 'message_not_found' };
      original.deleted = true;
      return { ok: true, messageTs: original.ts };
    }
    const hasContent = typeof body.text === 'string' || Array.isArray(body.blocks);
    if (!hasContent) return { ok: false, error: 'no_text' };
    const violations = findMessageViolations(body);
    if (violations.length > 0) {
      return {
        ok: false,
        error: 'invalid_blocks',
        errors: violations.map((v) => `${v.problem} [json-pointer:${v.pointer}]`),
      };
    }
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    if (body.replace_original === true && original) {
      original.text = text;
      original.blocks = blocks;
      return { ok: true, messageTs: original.ts };
    }
    const inChannel = body.response_type === 'in_channel';
    const message = this.workspace.addMessage({
      channel: context.channel,
      ts: this.workspace.nextTs(this.now()),
      user: this.workspace.botUserId,
      text,
      blocks,
      ephemeral: !inChannel,
      visibleTo: inChannel ? undefined : context.user,
      source,
      deleted: false,
    });
    // A command's first reply becomes "the original" that later replies may replace.
    if (context.kind === 'command' && context.originalTs === undefined) {
      context.originalTs = message.ts;
    }
    return { ok: true, messageTs: message.ts };
  }

  /** Handles `POST /respond/<id>`: returns the HTTP status and JSON body to send. */
  handlePost(id: string, rawBody: string): { status: number; body: Record<string, unknown> } {
    const context = this.contexts.get(id);
    const at = this.now();
    if (!context) return { status: 404, body: { ok: false, error: 'invalid_url' } };
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
      body = parsed as Record<string, unknown>;
    } catch {
      return this.record(context, {}, at, 400, 'invalid_payload');
    }
    if (at - context.createdAt > RESPONSE_URL_TTL_MS) {
      return this.record(context, body, at, 404, 'expired_url');
    }
    if (context.uses >= MAX_RESPONSE_URL_USES) {
      return this.record(context, body, at, 404, 'used_url');
    }
    context.uses += 1;
    const outcome = this.applyReply(context, body, 'response_url');
    if (!outcome.ok) {
      return this.record(context, body, at, 400, outcome.error, undefined, outcome.errors);
    }
    return this.record(context, body, at, 200, undefined, outcome.messageTs);
  }

  private record(
    context: ResponseContext,
    body: Record<string, unknown>,
    at: number,
    status: number,
    error?: string,
    messageTs?: string,
    errors?: string[],
  ): { status: number; body: Record<string, unknown> } {
    this.responses.push({
      id: context.id,
      kind: context.kind,
      body,
      responseType: body.response_type === 'in_channel' ? 'in_channel' : 'ephemeral',
      replaceOriginal: body.replace_original === true,
      deleteOriginal: body.delete_original === true,
      status,
      error,
      messageTs,
      at,
    });
    return {
      status,
      body: error ? { ok: false, error, ...(errors ? { errors } : {}) } : { ok: true },
    };
  }
}
