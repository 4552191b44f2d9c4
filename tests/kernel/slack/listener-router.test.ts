import { describe, expect, it } from 'vitest';
import {
  HIRE_ERROR_MESSAGE,
  HIRE_ERROR_MODAL,
} from '../../../src/kernel/slack/blocks/error-message.js';
import {
  createListenerRouter,
  type ListenerRouter,
} from '../../../src/kernel/slack/listener-router.js';

/** The arguments Bolt gives a global middleware, reduced to what the router reads. */
function argsFor(body: Record<string, unknown>, payload: unknown = body) {
  let nextCalls = 0;
  const args = {
    body,
    payload,
    next: async () => {
      nextCalls += 1;
    },
  } as unknown as Parameters<ListenerRouter['middleware']>[0];
  return { args, nextCalls: () => nextCalls };
}

function routerWithAll() {
  const calls: string[] = [];
  const seenArgs: unknown[] = [];
  const record = (name: string) => async (args: unknown) => {
    calls.push(name);
    seenArgs.push(args);
  };
  const router = createListenerRouter();
  router.command('/hire', record('command /hire'));
  router.action(/^hire_share(:\d+)?$/, record('action share'));
  router.action(/^hire_open(:\d+)?$/, record('action open'));
  router.messageShortcut('flag_resume', record('shortcut flag_resume'));
  router.viewSubmission('flag_resume_modal', record('view flag_resume_modal'));
  router.globalShortcut('build_kit', record('global shortcut build_kit'));
  router.event('app_home_opened', record('event app_home_opened'));
  return { router, calls, seenArgs };
}

describe('createListenerRouter', () => {
  it.each([
    ['a slash command', { command: '/hire', text: 'help' }, undefined, 'command /hire'],
    [
      'a button (by the first action, as Bolt reads it)',
      { type: 'block_actions', actions: [{ action_id: 'hire_open:3' }] },
      { action_id: 'hire_open:3' },
      'action open',
    ],
    [
      'a message shortcut',
      { type: 'message_action', callback_id: 'flag_resume' },
      undefined,
      'shortcut flag_resume',
    ],
    [
      'a modal submission',
      { type: 'view_submission', view: { callback_id: 'flag_resume_modal' } },
      undefined,
      'view flag_resume_modal',
    ],
    [
      'a global shortcut',
      { type: 'shortcut', callback_id: 'build_kit' },
      undefined,
      'global shortcut build_kit',
    ],
    [
      'an event',
      { type: 'event_callback', event_id: 'Ev1', event: { type: 'app_home_opened' } },
      { type: 'app_home_opened' },
      'event app_home_opened',
    ],
  ])(
    'runs only the listener for %s, with the arguments Bolt built',
    async (_n, body, payload, expected) => {
      const { router, calls, seenArgs } = routerWithAll();
      const { args, nextCalls } = argsFor(body, payload ?? body);
      await router.middleware(args);
      expect(calls).toEqual([expected]);
      expect(seenArgs[0]).toBe(args);
      expect(nextCalls()).toBe(0);
    },
  );

  it.each([
    ['another command', { command: '/other' }, undefined],
    ['an unknown button', { type: 'block_actions' }, { action_id: 'hire_shared_elsewhere' }],
    ['an unknown global shortcut', { type: 'shortcut', callback_id: 'flag_resume' }, undefined],
    ['another modal', { type: 'view_submission', view: { callback_id: 'other' } }, undefined],
    [
      'a closed modal',
      { type: 'view_closed', view: { callback_id: 'flag_resume_modal' } },
      undefined,
    ],
    ['an event', { type: 'event_callback', event: { type: 'app_mention' } }, undefined],
    ['a view without a callback_id', { type: 'view_submission', view: {} }, undefined],
  ])('passes %s on to Bolt’s own listeners', async (_n, body, payload) => {
    const { router, calls } = routerWithAll();
    const { args, nextCalls } = argsFor(body, payload ?? body);
    await router.middleware(args);
    expect(calls).toEqual([]);
    expect(nextCalls()).toBe(1);
  });

  it('handles an event once however many times Slack delivers it', async () => {
    const seen = new Set<string>();
    const router = createListenerRouter({
      firstDelivery: async (eventId) => {
        if (seen.has(eventId)) return false;
        seen.add(eventId);
        return true;
      },
    });
    let handled = 0;
    router.event('app_home_opened', async () => {
      handled += 1;
    });
    const body = { type: 'event_callback', event_id: 'Ev42', event: { type: 'app_home_opened' } };
    for (let i = 0; i < 3; i++) await router.middleware(argsFor(body).args);
    await router.middleware(argsFor({ ...body, event_id: 'Ev43' }).args);
    expect(handled).toBe(2);
  });

  it('refuses a second listener for the same command, shortcut or modal', () => {
    const { router } = routerWithAll();
    const noop = async () => {};
    expect(() => router.command('/hire', noop)).toThrow(/\/hire has a listener already/);
    expect(() => router.messageShortcut('flag_resume', noop)).toThrow(/already/);
    expect(() => router.viewSubmission('flag_resume_modal', noop)).toThrow(/already/);
    expect(() => router.globalShortcut('build_kit', noop)).toThrow(/already/);
    expect(() => router.event('app_home_opened', noop)).toThrow(/already/);
  });

  describe('a listener that throws', () => {
    /** A router whose listeners all throw, with the calls its answers make. */
    function failing(afterAck: boolean) {
      const logged: unknown[] = [];
      const router = createListenerRouter({
        logger: { error: (fields: unknown) => logged.push(fields) },
      });
      const boom = async (args: { ack?: () => Promise<void> }) => {
        if (afterAck) await args.ack?.();
        throw new Error('listener failed');
      };
      router.command('/hire', boom);
      router.viewSubmission('modal', boom);
      router.messageShortcut('shortcut', boom);
      router.action(/^button$/, boom);
      return { router, logged };
    }
    function call(router: ListenerRouter, body: Record<string, unknown>) {
      const answers: Array<[string, unknown]> = [];
      const args = {
        body,
        payload: body.type === 'block_actions' ? { action_id: 'button' } : body,
        next: async () => {},
        ack: async (response?: unknown) => {
          answers.push(['ack', response]);
        },
        respond: async (message: unknown) => {
          answers.push(['respond', message]);
        },
        client: {
          views: {
            open: async (call: { view: unknown }) => {
              answers.push(['views.open', call.view]);
            },
          },
        },
      } as unknown as Parameters<ListenerRouter['middleware']>[0];
      return router.middleware(args).then(() => answers);
    }

    it('answers the friendly error in the ack, logs once, and does not rethrow', async () => {
      const { router, logged } = failing(false);
      expect(await call(router, { command: '/hire', text: 'secret words' })).toEqual([
        ['ack', HIRE_ERROR_MESSAGE],
      ]);
      expect(logged).toEqual([
        expect.objectContaining({ request: 'command /hire', err: expect.any(Error) }),
      ]);
      expect(JSON.stringify(logged)).not.toContain('secret words');
    });

    it('answers on the response_url once the ack is gone', async () => {
      const { router } = failing(true);
      expect(await call(router, { command: '/hire' })).toEqual([
        ['ack', undefined],
        ['respond', HIRE_ERROR_MESSAGE],
      ]);
    });

    it('a modal submission gets an error modal; a shortcut opens one with its trigger', async () => {
      const { router } = failing(false);
      expect(
        await call(router, { type: 'view_submission', view: { callback_id: 'modal' } }),
      ).toEqual([['ack', { response_action: 'update', view: HIRE_ERROR_MODAL }]]);
      expect(
        await call(router, { type: 'message_action', callback_id: 'shortcut', trigger_id: 't1' }),
      ).toEqual([
        ['ack', undefined],
        ['views.open', HIRE_ERROR_MODAL],
      ]);
      expect(
        await call(router, { type: 'block_actions', actions: [{ action_id: 'button' }] }),
      ).toEqual([
        ['ack', undefined],
        ['respond', { ...HIRE_ERROR_MESSAGE, replace_original: false }],
      ]);
    });
  });
});
