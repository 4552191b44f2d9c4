import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import { REFUSAL_HOME, REFUSAL_MESSAGE, REFUSAL_MODAL } from './build-refusal.js';
import type { Access, MembershipLookup } from './membership.js';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

/** What the gate decided, kept in Bolt's per-request context for the listener to read. */
export const ACCESS_KEY = 'hireAccess';

export type GateOptions = {
  membership: MembershipLookup;
  /** HIRE_ALLOW_GUESTS: guests and people of other organisations may use the bot too. */
  allowGuests: boolean;
  logger: Pick<Logger, 'info'>;
  /** Requests anyone may make (`/hire help`); the listener shapes its answer by the access. */
  isOpen?: (body: unknown) => boolean;
};

type Body = {
  command?: unknown;
  type?: unknown;
  user_id?: unknown;
  team_id?: unknown;
  trigger_id?: unknown;
  response_url?: unknown;
  user?: { id?: unknown; team_id?: unknown };
  team?: { id?: unknown } | null;
  event?: { type?: unknown; user?: unknown };
  container?: { type?: unknown };
};

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Who made a request, as each kind of payload says it. */
function whoOf(args: Args) {
  const body = args.body as Body;
  const installTeamId = str(args.context.teamId) ?? str(body.team_id) ?? str(body.team?.id);
  if (body.type === 'event_callback')
    return { userId: str(body.event?.user), installTeamId, kind: `event ${str(body.event?.type)}` };
  if (typeof body.command === 'string')
    return { userId: str(body.user_id), installTeamId, kind: `command ${body.command}` };
  return {
    userId: str(body.user?.id),
    installTeamId,
    userTeamId: str(body.user?.team_id),
    kind: String(body.type),
  };
}

/** The refusal, in the form the interaction allows. Never throws. */
async function refuse(args: Args, userId: string): Promise<void> {
  const body = args.body as Body;
  const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
  const respond = (args as { respond?: (message: unknown) => Promise<unknown> }).respond;
  const quietly = (work: Promise<unknown> | undefined) => work?.catch(() => undefined);
  if (typeof body.command === 'string') {
    await quietly(ack?.(REFUSAL_MESSAGE));
    return;
  }
  switch (body.type) {
    case 'event_callback':
      if (body.event?.type === 'app_home_opened')
        await quietly(args.client.views.publish({ user_id: userId, view: REFUSAL_HOME }));
      return;
    case 'view_submission':
      await quietly(ack?.({ response_action: 'update', view: REFUSAL_MODAL }));
      return;
    case 'block_actions':
      await quietly(ack?.());
      if (typeof body.response_url === 'string')
        await quietly(respond?.({ ...REFUSAL_MESSAGE, replace_original: false }));
      else if (body.container?.type === 'view')
        await quietly(args.client.views.publish({ user_id: userId, view: REFUSAL_HOME }));
      return;
    default:
      await quietly(ack?.());
      if (typeof body.trigger_id === 'string')
        await quietly(args.client.views.open({ trigger_id: body.trigger_id, view: REFUSAL_MODAL }));
  }
}

/**
 * The one gate every feature's entry passes through (the router runs it before any listener):
 * only the hiring team — full members of the installation's workspace — gets past it, unless
 * HIRE_ALLOW_GUESTS is on. Everyone else gets one friendly refusal, with nothing of the
 * knowledge, flags or scorecards in it. `isOpen` requests (help) pass with the access noted in
 * the context. Refusals are logged with the reason, never with the request's text.
 */
export function createAccessGate(options: GateOptions) {
  return async (args: Args): Promise<boolean> => {
    const who = whoOf(args);
    let access: Access = 'unknown';
    if (who.userId) access = await options.membership(args.client, { ...who, userId: who.userId });
    const allowed =
      access === 'member' || (options.allowGuests && (access === 'guest' || access === 'external'));
    args.context[ACCESS_KEY] = allowed ? 'member' : access;
    if (allowed || options.isOpen?.(args.body)) return true;
    options.logger.info(
      {
        reason: access === 'unknown' ? 'lookup failed' : access,
        request: who.kind,
        user: who.userId,
      },
      'refused: not on the hiring team',
    );
    if (who.userId) await refuse(args, who.userId);
    return false;
  };
}

export type AccessGate = ReturnType<typeof createAccessGate>;
