import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  GlobalShortcut,
  MessageShortcut,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Logger } from 'pino';
import { answerListenerFailure } from './answer-listener-failure.js';

/** What Bolt hands a listener of each kind; the handlers are typed with these. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
export type GlobalShortcutArgs = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;
export type ViewSubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
/** An Events API event (already acked by Bolt, which answers events before any listener). */
export type EventArgs<T extends string = string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

type CommandListener = (args: CommandArgs) => Promise<void>;
type ButtonListener = (args: ButtonArgs) => Promise<void>;
type MessageShortcutListener = (args: MessageShortcutArgs) => Promise<void>;
type GlobalShortcutListener = (args: GlobalShortcutArgs) => Promise<void>;
type ViewSubmissionListener = (args: ViewSubmissionArgs) => Promise<void>;
type EventListener = (args: EventArgs) => Promise<void>;

/**
 * Where each listener kind registers, with the calls of Bolt's App it stands for:
 * `app.command(name)`, `app.action(/action_id/)` for block actions, `app.shortcut({ callback_id,
 * type: 'message_action' | 'shortcut' })`, `app.view({ callback_id, type: 'view_submission' })`,
 * `app.event(type)`. The handlers get exactly the arguments Bolt would give them.
 */
export type ListenerRegistry = {
  command(name: string, listener: CommandListener): void;
  action(actionId: RegExp, listener: ButtonListener): void;
  messageShortcut(callbackId: string, listener: MessageShortcutListener): void;
  globalShortcut(callbackId: string, listener: GlobalShortcutListener): void;
  viewSubmission(callbackId: string, listener: ViewSubmissionListener): void;
  event(type: string, listener: EventListener): void;
};

export type RouterOptions = {
  /** Where a listener's failure is logged (the router answers the user and swallows it). */
  logger?: Pick<Logger, 'error'>;
  /**
   * Whether an event is seen here for the first time (Slack retries an event it thinks was
   * not answered; the retry may reach another instance). Default: always first.
   */
  firstDelivery?: (eventId: string) => Promise<boolean>;
  /**
   * Runs before any listener: false when the request was refused (and answered). The access
   * gate (access/access-gate.ts) is the one the app uses.
   */
  gate?: (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<boolean>;
};

export type ListenerRouter = ListenerRegistry & {
  /** For `app.use()`: runs the one listener the request is for, or passes it on. */
  middleware: Middleware<AnyMiddlewareArgs>;
};

/**
 * Every request to the app's listeners goes through one Bolt middleware that looks its
 * listener up by command name, action_id or callback_id.
 *
 * Why not a Bolt listener per kind: Bolt runs the middleware chain of every registered listener
 * for every request (copying the arguments and allocating promises for each, to let each one
 * decline, then `Promise.allSettled` over them all), which made a memoized /hire answer several
 * times slower (BENCHMARKS.md, request path). Here the lookup is a Map or a short list, and
 * only the matching handler runs. A request no route matches goes on to Bolt's
 * own listeners (`next()`), so `app.command()` and friends still work beside the router.
 */
/** What a request was, for the log: its kind and id, never its text. */
function describe(body: unknown): string {
  const b = body as { command?: unknown; type?: unknown; callback_id?: unknown };
  if (typeof b.command === 'string') return `command ${b.command}`;
  return `${String(b.type)}${typeof b.callback_id === 'string' ? ` ${b.callback_id}` : ''}`;
}

export function createListenerRouter(options: RouterOptions = {}): ListenerRouter {
  const commands = new Map<string, CommandListener>();
  const actions: Array<[RegExp, ButtonListener]> = [];
  const shortcuts = new Map<string, MessageShortcutListener>();
  const globalShortcuts = new Map<string, GlobalShortcutListener>();
  const views = new Map<string, ViewSubmissionListener>();
  const events = new Map<string, EventListener>();
  const firstDelivery = options.firstDelivery ?? (async () => true);

  const claim = <K, V>(map: Map<K, V>, key: K, value: V, what: string): void => {
    if (map.has(key)) throw new Error(`${what} ${String(key)} has a listener already`);
    map.set(key, value);
  };

  // Each cast below follows the check that tells Bolt's payload type, as Bolt's own matchers do.
  const route = (args: AnyMiddlewareArgs): ((args: never) => Promise<void>) | undefined => {
    const body = args.body as {
      command?: unknown;
      type?: unknown;
      callback_id?: unknown;
      view?: { callback_id?: unknown };
      event?: { type?: unknown };
    };
    if (typeof body.command === 'string') return commands.get(body.command);
    switch (body.type) {
      case 'block_actions': {
        const actionId = (args.payload as { action_id?: unknown } | undefined)?.action_id;
        if (typeof actionId !== 'string') return undefined;
        return actions.find(([pattern]) => pattern.test(actionId))?.[1];
      }
      case 'message_action':
        return typeof body.callback_id === 'string' ? shortcuts.get(body.callback_id) : undefined;
      case 'shortcut':
        return typeof body.callback_id === 'string'
          ? globalShortcuts.get(body.callback_id)
          : undefined;
      case 'event_callback':
        return typeof body.event?.type === 'string' ? events.get(body.event.type) : undefined;
      case 'view_submission': {
        const callbackId = body.view?.callback_id;
        return typeof callbackId === 'string' ? views.get(callbackId) : undefined;
      }
      default:
        return undefined;
    }
  };

  return {
    command: (name, listener) => claim(commands, name, listener, 'command'),
    action: (actionId, listener) => {
      actions.push([actionId, listener]);
    },
    messageShortcut: (callbackId, listener) => claim(shortcuts, callbackId, listener, 'shortcut'),
    globalShortcut: (callbackId, listener) =>
      claim(globalShortcuts, callbackId, listener, 'global shortcut'),
    viewSubmission: (callbackId, listener) => claim(views, callbackId, listener, 'view'),
    event: (type, listener) => claim(events, type, listener, 'event'),
    middleware: async (args) => {
      const listener = route(args);
      if (listener === undefined) {
        await args.next();
        return;
      }
      const eventId = (args.body as { type?: unknown; event_id?: unknown }).event_id;
      // A retried event already handled (here or on another instance) is not handled again.
      if (typeof eventId === 'string' && !(await firstDelivery(eventId))) return;
      if (options.gate && !(await options.gate(args))) return;
      // The route matched on the same fields Bolt's matchers read, so the arguments are the
      // listener's kind (Bolt builds them, payload aliases included, before any middleware).
      // ack() is watched so that a failure can still be answered in it.
      let acked = false;
      const withAck = args as { ack?: (...a: unknown[]) => Promise<void> };
      const ack = withAck.ack;
      if (ack)
        withAck.ack = (...a) => {
          acked = true;
          return ack(...a);
        };
      try {
        await listener(args as never);
      } catch (error) {
        // One log line, here, and an answer for the user; Bolt's app.error never sees it.
        options.logger?.error({ err: error, request: describe(args.body) }, 'listener failed');
        await answerListenerFailure(args as never, acked);
      }
    },
  };
}
