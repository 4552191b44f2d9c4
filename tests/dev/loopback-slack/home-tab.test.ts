import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const searchInput = {
  type: 'input',
  block_id: 'home_search',
  dispatch_action: true,
  label: { type: 'plain_text', text: 'Search the guide' },
  element: {
    type: 'plain_text_input',
    action_id: 'home_search_input',
    dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
  },
};
const levelsButton = {
  type: 'actions',
  block_id: 'home_quick',
  elements: [
    {
      type: 'button',
      action_id: 'home_levels',
      text: { type: 'plain_text', text: 'Levels' },
      value: 'levels',
    },
  ],
};
const home = (...blocks: unknown[]) => ({ type: 'home' as const, blocks: blocks as never[] });

const firstHomeBlock = (userId: string) =>
  (slack.homeOf(userId)?.view.blocks as unknown[] | undefined)?.[0];

let slack: LoopbackSlack;
let client: WebClient;

beforeAll(async () => {
  slack = await startLoopbackSlack({ pingIntervalMs: 0 });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
});
afterAll(() => slack.close());

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: ErrorCode.PlatformError });
  return error as WebAPIPlatformError;
}

describe('views.publish with a real WebClient', () => {
  it('stores the latest Home per user and changes its hash on each publish', async () => {
    const first = await client.views.publish({ user_id: 'U0LOOPBACK', view: home(section('one')) });
    const second = await client.views.publish({
      user_id: 'U0LOOPBACK',
      view: home(section('two')),
    });
    expect(second.view?.id).toBe(first.view?.id);
    expect(second.view?.hash).not.toBe(first.view?.hash);
    expect(slack.homeOf('U0LOOPBACK')).toMatchObject({
      id: first.view?.id,
      hash: second.view?.hash,
      view: { blocks: [section('two')] },
    });
    expect(slack.homeOf('U0GUEST')).toBeUndefined();
  });

  it('answers hash_conflict for a hash that is not the current Home’s', async () => {
    const published = await client.views.publish({ user_id: 'U0GUEST', view: home(section('a')) });
    const stale = String(published.view?.hash);
    const fresh = await client.views.publish({
      user_id: 'U0GUEST',
      hash: stale,
      view: home(section('b')),
    });
    expect(fresh.ok).toBe(true);
    const conflict = await platformError(
      client.views.publish({ user_id: 'U0GUEST', hash: stale, view: home(section('c')) }),
    );
    expect(conflict.data.error).toBe('hash_conflict');
    expect(slack.homeOf('U0GUEST')?.view.blocks).toEqual([section('b')]);
  });

  it('accepts 100 blocks and refuses 101 with a pointer', async () => {
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => section(`b${i}`));
    expect(
      (await client.views.publish({ user_id: 'U0LOOPBACK', view: home(...blocks(100)) })).ok,
    ).toBe(true);
    const error = await platformError(
      client.views.publish({ user_id: 'U0LOOPBACK', view: home(...blocks(101)) }),
    );
    expect(error.data.error).toBe('invalid_arguments');
    expect(error.data.response_metadata?.messages).toEqual([
      '[ERROR] 101 blocks > 100 [json-pointer:/view/blocks]',
    ]);
  });

  it('answers view_too_large past 250 kB, even within 100 blocks', async () => {
    const big = home(...Array.from({ length: 90 }, () => section('x'.repeat(3000))));
    const error = await platformError(client.views.publish({ user_id: 'U0LOOPBACK', view: big }));
    expect(error.data.error).toBe('view_too_large');
  });

  it('refuses a modal, an unknown user, and any Home when the tab is off', async () => {
    const modal = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks: [],
    };
    const codes = [
      (await platformError(client.views.publish({ user_id: 'U0LOOPBACK', view: modal }))).data
        .error,
      (await platformError(client.views.publish({ user_id: 'U0NOBODY', view: home() }))).data.error,
    ];
    const off = await startLoopbackSlack({ pingIntervalMs: 0, homeTabEnabled: false });
    try {
      const offClient = new WebClient(off.botToken, { slackApiUrl: off.apiUrl });
      codes.push(
        (await platformError(offClient.views.publish({ user_id: 'U0LOOPBACK', view: home() }))).data
          .error,
      );
    } finally {
      await off.close();
    }
    expect(codes).toEqual(['invalid_arguments', 'user_not_found', 'not_enabled']);
  });
});

describe('actions from inside the Home', () => {
  beforeAll(async () => {
    await client.views.publish({
      user_id: 'U0SCGUEST',
      view: home(section('Hiring desk'), searchInput, levelsButton),
    });
  });

  it('a button press carries the whole view and no channel or response_url', () => {
    const stored = slack.homeOf('U0SCGUEST');
    const action = slack.payloads.blockAction({
      actionId: 'home_levels',
      value: 'levels',
      userId: 'U0SCGUEST',
      inHome: true,
    });
    expect(action).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0SCGUEST', team_id: slack.teamId },
      container: { type: 'view', view_id: stored?.id },
      view: {
        id: stored?.id,
        hash: stored?.hash,
        type: 'home',
        blocks: stored?.view.blocks,
        state: { values: {} },
      },
      actions: [
        {
          type: 'button',
          action_id: 'home_levels',
          block_id: 'home_quick',
          value: 'levels',
          text: { text: 'Levels' },
        },
      ],
    });
    expect(action.trigger_id).toBeTruthy();
    for (const key of ['response_url', 'channel', 'message'])
      expect(action).not.toHaveProperty(key);
  });

  it('a search input dispatched on enter arrives as plain_text_input with its value', () => {
    const action = slack.payloads.blockAction({
      actionId: 'home_search_input',
      value: 'kafka',
      userId: 'U0SCGUEST',
      inHome: true,
    });
    expect(action.actions).toEqual([
      {
        type: 'plain_text_input',
        action_id: 'home_search_input',
        block_id: 'home_search',
        value: 'kafka',
        action_ts: expect.any(String),
      },
    ]);
    expect((action.view as { state: unknown }).state).toEqual({
      values: { home_search: { home_search_input: { type: 'plain_text_input', value: 'kafka' } } },
    });
  });

  it('refuses to invent a Home that was never published', () => {
    expect(() =>
      slack.payloads.blockAction({ actionId: 'home_levels', userId: 'U0EXTERNAL', inHome: true }),
    ).toThrow(/no Home published for U0EXTERNAL/);
  });

  it('reaches a Bolt app, whose publish with the view’s hash wins unless the Home moved on', async () => {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    const outcomes: string[] = [];
    app.action('home_search_input', async ({ ack, body, action, client: bolt }) => {
      await ack();
      if (body.type !== 'block_actions' || body.container.type !== 'view' || !body.view) return;
      const query = action.type === 'plain_text_input' ? action.value : '';
      const result = await bolt.views
        .publish({
          user_id: body.user.id,
          hash: body.view.hash,
          view: home(section(`Results for ${query}`), searchInput, levelsButton),
        })
        .then(
          () => 'published',
          (error: WebAPIPlatformError) => error.data.error,
        );
      outcomes.push(result);
    });
    await app.start();
    try {
      const press = (value: string) =>
        slack.payloads.blockAction({
          actionId: 'home_search_input',
          value,
          userId: 'U0SCGUEST',
          inHome: true,
        });
      const first = press('kafka');
      const late = press('raft'); // built from the same Home, before the first one lands
      await slack.socket.send('interactive', first);
      await expect.poll(() => outcomes).toEqual(['published']);
      expect(firstHomeBlock('U0SCGUEST')).toEqual(section('Results for kafka'));
      await slack.socket.send('interactive', late);
      await expect.poll(() => outcomes).toEqual(['published', 'hash_conflict']);
      expect(firstHomeBlock('U0SCGUEST')).toEqual(section('Results for kafka'));
    } finally {
      await app.stop();
    }
  });
});

describe('global shortcuts', () => {
  it('builds a `shortcut` payload whose trigger opens a modal once, through Bolt', async () => {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    const opened: string[] = [];
    app.shortcut('build_interview_kit', async ({ ack, shortcut, client: bolt }) => {
      await ack();
      const result = await bolt.views.open({
        trigger_id: shortcut.trigger_id,
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'Interview kit' },
          blocks: [section('Level, length, areas…')],
        },
      });
      opened.push(String(result.view?.id));
    });
    await app.start();
    try {
      const payload = slack.payloads.globalShortcut({ callbackId: 'build_interview_kit' });
      expect(payload).toMatchObject({
        type: 'shortcut',
        callback_id: 'build_interview_kit',
        user: { id: 'U0LOOPBACK', username: 'casey', team_id: slack.teamId },
        team: { id: slack.teamId },
      });
      for (const key of ['channel', 'message', 'response_url']) {
        expect(payload).not.toHaveProperty(key);
      }
      await slack.socket.send('interactive', payload);
      await expect.poll(() => opened.length).toBe(1);
      expect(slack.workspace.views.get(opened[0] ?? '')).toMatchObject({
        userId: 'U0LOOPBACK',
        view: { type: 'modal' },
      });
    } finally {
      await app.stop();
    }
  });
});
