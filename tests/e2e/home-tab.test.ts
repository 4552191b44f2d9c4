import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type HireBotApp } from '../../src/app/create-app.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../src/dev/loopback-slack/signed-request.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUEST_ID,
  DEFAULT_USER_ID,
} from '../../src/dev/loopback-slack/workspace.js';
import { checkViewLimits } from '../../src/dev/slack-limits.js';
import {
  HOME_ACTIONS,
  HOME_SHARE_INPUT,
  HOME_SHARE_VIEW,
} from '../../src/features/home/home-ids.js';
import { KIT_REQUEST_VIEW } from '../../src/features/kits/kits-ids.js';
import {
  FLAG_RESUME_INPUTS,
  FLAG_RESUME_SHORTCUT,
  FLAG_RESUME_VIEW,
} from '../../src/features/resume-flags/resume-flags-ids.js';
import { createTestDeps, type TestDeps } from '../support/app-test-deps.js';
import { homeBlocks, homeButton, homeText, pressInHome, searchBox } from './support/home-view.js';
import { type HttpBot, SIGNING_SECRET, startHttpBot } from './support/http-bot.js';
import { type SocketModeBot, startSocketModeBot } from './support/socket-mode-bot.js';
import { waitFor } from './support/wait-for.js';

/** Waits until the app has no request in flight: Bolt acks events before its listeners end. */
const settled = (bot: HireBotApp) => waitFor(() => bot.inFlight() === 0, 'the app to be idle');

describe('the Home tab over HTTP (signed Events API requests)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let bot: HireBotApp;
  let http: HttpBot;
  let url: string;

  beforeAll(async () => {
    slack = await startLoopbackSlack({ signingSecret: SIGNING_SECRET });
    http = await startHttpBot(slack);
    ({ deps, bot, url } = http);
  });
  afterAll(async () => {
    await http?.stop();
    await slack?.close();
  });
  afterEach(async () => {
    await settled(bot);
    await deps.events.idle();
  });

  const publishesFor = (userId: string) =>
    slack.callsTo('views.publish').filter((c) => c.args.user_id === userId && c.outcome === 'ok');

  const interact = (payload: Record<string, unknown>) =>
    postToApp(url, { kind: 'interactive', payload, signingSecret: SIGNING_SECRET });

  it('publishes the Home of whoever opened it within 3 s, within Block Kit limits, with a search box', async () => {
    const started = performance.now();
    const delivery = await slack.events.deliver(url, slack.payloads.appHomeOpened());
    expect(delivery.delivered).toBe(true);
    await waitFor(() => slack.homeOf(DEFAULT_USER_ID), 'the Home', 3000);
    expect(performance.now() - started).toBeLessThan(3000);

    const home = slack.homeOf(DEFAULT_USER_ID);
    expect(checkViewLimits(home?.view)).toEqual([]);
    expect(searchBox(slack, DEFAULT_USER_ID)).toMatchObject({
      element: { action_id: HOME_ACTIONS.search },
    });
    expect(homeText(slack, DEFAULT_USER_ID)).toContain('Interview-prep reminders');
    expect(homeText(slack, DEFAULT_USER_ID)).toContain('Your resume flags');
    expect(slack.homeOf(DEFAULT_GUEST_ID)).toBeUndefined();
  });

  it('does nothing when the Messages tab is opened', async () => {
    const before = slack.callsTo('views.publish').length;
    await slack.events.deliver(url, slack.payloads.appHomeOpened({ tab: 'messages' }));
    await settled(bot);
    expect(slack.callsTo('views.publish')).toHaveLength(before);
  });

  it('handles a retried delivery (X-Slack-Retry-Num) once', async () => {
    const opened = slack.payloads.appHomeOpened({ userId: DEFAULT_GUEST_ID });
    await slack.events.deliver(url, opened);
    await waitFor(() => publishesFor(DEFAULT_GUEST_ID).length === 1, 'the first publish');
    const retry = await slack.events.retry(url, opened, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await settled(bot);
    await slack.events.retry(url, opened, { retryNum: 2, retryReason: 'http_error' });
    await settled(bot);
    expect(publishesFor(DEFAULT_GUEST_ID)).toHaveLength(1);
    // A new opening (a new event id) is handled as usual.
    await slack.events.deliver(url, slack.payloads.appHomeOpened({ userId: DEFAULT_GUEST_ID }));
    await waitFor(() => publishesFor(DEFAULT_GUEST_ID).length === 2, 'the second publish');
  });

  it('after the person sets a reminder with /hire remind, their Home shows it', async () => {
    await slack.events.deliver(url, slack.payloads.appHomeOpened());
    await waitFor(() => slack.homeOf(DEFAULT_USER_ID), 'the Home');
    expect(homeText(slack, DEFAULT_USER_ID)).toContain('No reminders yet');

    const command = await postToApp(url, {
      kind: 'command',
      payload: slack.payloads.slashCommand({ text: 'remind daily 9am' }),
      signingSecret: SIGNING_SECRET,
    });
    expect(command.status).toBe(200);
    await waitFor(
      () => homeText(slack, DEFAULT_USER_ID).includes('weekdays at 09:00 (America/New_York)'),
      'the reminder in the Home',
    );
    const text = homeText(slack, DEFAULT_USER_ID);
    expect(text).toContain(`<#${DEFAULT_CHANNEL_ID}>`);
    expect(text).toMatch(
      /next: <!date\^\d+\^\{date_short_pretty\} at \{time\}\|\d{4}-\d\d-\d\d 1[34]:00 UTC>/,
    );
    expect(checkViewLimits(slack.homeOf(DEFAULT_USER_ID)?.view)).toEqual([]);
  });

  it('a search typed in the Home shows its results in the Home, grouped by module', async () => {
    await slack.events.deliver(url, slack.payloads.appHomeOpened());
    await waitFor(() => slack.homeOf(DEFAULT_USER_ID), 'the Home');
    const responsesBefore = slack.responses.length;
    const typed = await interact(
      slack.payloads.blockAction({
        actionId: HOME_ACTIONS.search,
        value: 'kafka',
        userId: DEFAULT_USER_ID,
        inHome: true,
      }),
    );
    expect(typed.status).toBe(200);
    await waitFor(
      () => homeText(slack, DEFAULT_USER_ID).includes('Search results'),
      'the results in the Home',
    );
    const text = homeText(slack, DEFAULT_USER_ID);
    expect(text).toMatch(/match(es)? for “kafka” in \d+ sections?/);
    expect(text).toContain('Message Queue');
    // The box keeps the words; the reminders are still there below the results.
    expect(searchBox(slack, DEFAULT_USER_ID)?.element).toMatchObject({ initial_value: 'kafka' });
    expect(text).toContain('Interview-prep reminders');
    expect(checkViewLimits(slack.homeOf(DEFAULT_USER_ID)?.view)).toEqual([]);

    // Each hit opens in the Home (nothing can be typed there), in place of the results.
    const hit = homeButton(slack, DEFAULT_USER_ID, 'Message Queue');
    expect(hit.action_id).toMatch(/^home_open(:\d+)?$/);
    await interact(pressInHome(slack, DEFAULT_USER_ID, hit));
    await waitFor(
      () => !homeText(slack, DEFAULT_USER_ID).includes('Search results'),
      'the term in the Home',
    );
    expect(homeBlocks(slack, DEFAULT_USER_ID)).toContainEqual(
      expect.objectContaining({
        type: 'header',
        text: expect.objectContaining({ text: 'Message Queue' }),
      }),
    );
    expect(slack.responses).toHaveLength(responsesBefore);
  });
});

describe('the Home tab over Socket Mode', () => {
  let running: SocketModeBot;
  let slack: LoopbackSlack;

  beforeAll(async () => {
    running = await startSocketModeBot();
    slack = running.slack;
  });
  afterAll(async () => {
    await running?.stop();
  });
  afterEach(async () => {
    await settled(running.bot);
    await running.deps.events.idle();
  });

  const publishesFor = (userId: string) =>
    slack.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;
  /** Runs `send` and waits for the Home of `userId` to be published again. */
  const republished = async (userId: string, send: () => Promise<unknown>) => {
    await settled(running.bot);
    await running.deps.events.idle();
    const before = publishesFor(userId);
    await send();
    await waitFor(() => publishesFor(userId) > before, `${userId}'s Home again`);
    await settled(running.bot);
  };
  const open = (userId = DEFAULT_USER_ID) =>
    republished(userId, () =>
      slack.socket.send('events_api', slack.payloads.appHomeOpened({ userId })),
    );
  const press = (label: string | RegExp, userId = DEFAULT_USER_ID) =>
    republished(userId, () =>
      slack.socket.send(
        'interactive',
        pressInHome(slack, userId, homeButton(slack, userId, label)),
      ),
    );

  it('publishes on app_home_opened; a retried envelope (retry_attempt) is handled once', async () => {
    const opened = slack.payloads.appHomeOpened();
    await slack.socket.send('events_api', opened);
    await waitFor(() => slack.homeOf(DEFAULT_USER_ID), 'the Home');
    const published = slack.callsTo('views.publish').length;
    await slack.socket.send('events_api', opened, { retryAttempt: 1, retryReason: 'timeout' });
    await settled(running.bot);
    expect(slack.callsTo('views.publish')).toHaveLength(published);
    expect(checkViewLimits(slack.homeOf(DEFAULT_USER_ID)?.view)).toEqual([]);
  });

  it('quick ways in and the answers’ own buttons open answers in the Home, not on a response_url', async () => {
    await open();
    await press('Levels');
    expect(homeText(slack, DEFAULT_USER_ID)).toMatch(/Senior details/);
    await press('Senior details');
    expect(homeText(slack, DEFAULT_USER_ID)).toMatch(/Senior/);
    await press(/^Senior questions$/);
    expect(homeText(slack, DEFAULT_USER_ID)).toMatch(/questions/i);
    await press('Close results');
    expect(homeText(slack, DEFAULT_USER_ID)).not.toContain('Close results');
    expect(slack.responses).toHaveLength(0);
    for (const call of slack.callsTo('views.publish')) expect(call.outcome).toBe('ok');
  });

  it('"Build an interview kit" opens the kit request modal', async () => {
    await open();
    await slack.socket.send(
      'interactive',
      pressInHome(
        slack,
        DEFAULT_USER_ID,
        homeButton(slack, DEFAULT_USER_ID, 'Build an interview kit'),
      ),
    );
    const modal = await waitFor(
      () =>
        [...slack.workspace.views.values()].find(
          (v) => (v.view as { callback_id?: string }).callback_id === KIT_REQUEST_VIEW,
        ),
      'the kit request modal',
    );
    expect(JSON.stringify(modal.view)).toContain('Level');
  });

  it('Share from the Home asks for a channel and posts the answer there, shared by the person', async () => {
    await open();
    await press('Glossary A to Z');
    const share = homeButton(slack, DEFAULT_USER_ID, 'Share in a channel…');
    expect(share.action_id).toBe(HOME_ACTIONS.share);
    await slack.socket.send('interactive', pressInHome(slack, DEFAULT_USER_ID, share));
    const modal = await waitFor(
      () =>
        [...slack.workspace.views.values()].find(
          (v) => (v.view as { callback_id?: string }).callback_id === HOME_SHARE_VIEW,
        ),
      'the share modal',
    );
    const ack = await slack.socket.send(
      'interactive',
      slack.payloads.viewSubmission({
        callbackId: HOME_SHARE_VIEW,
        viewId: modal.id,
        privateMetadata: String((modal.view as { private_metadata?: string }).private_metadata),
        values: {
          [HOME_SHARE_INPUT.blockId]: {
            [HOME_SHARE_INPUT.actionId]: {
              type: 'conversations_select',
              selected_conversation: DEFAULT_CHANNEL_ID,
            },
          },
        },
      }),
    );
    expect(ack.response_action).toBe('update');
    const posted = await waitFor(
      () =>
        slack
          .messagesIn(DEFAULT_CHANNEL_ID)
          .find((m) => !m.ephemeral && m.text.includes('glossary')),
      'the shared answer',
    );
    expect(JSON.stringify(posted.blocks)).toContain(`Shared by <@${DEFAULT_USER_ID}>`);
    await waitFor(
      () => JSON.stringify(slack.workspace.views.get(modal.id)?.view).includes('Shared in'),
      'the outcome',
    );
  });

  it('Pause and Resume in the Home change the channel’s reminders and republish the Home', async () => {
    await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'remind 10:30 Europe/Berlin every day' }),
    );
    await waitFor(() => homeText(slack, DEFAULT_USER_ID).includes('10:30'), 'the reminder');
    await press('Pause channel');
    await waitFor(() => homeText(slack, DEFAULT_USER_ID).includes('Resume channel'), 'paused');
    expect(homeText(slack, DEFAULT_USER_ID)).toMatch(
      /paused \(`\/hire remind resume` to restart\)/,
    );
    const announced = slack
      .messagesIn(DEFAULT_CHANNEL_ID)
      .filter((m) => !m.ephemeral && m.text.includes('paused interview-prep tips'));
    expect(announced).toHaveLength(1);
    await press('Resume channel');
    await waitFor(() => homeText(slack, DEFAULT_USER_ID).includes('Pause channel'), 'resumed');
    await press('Turn off');
    await waitFor(() => !homeText(slack, DEFAULT_USER_ID).includes('10:30'), 'turned off');
    expect(
      slack.messagesIn(DEFAULT_CHANNEL_ID).filter((m) => m.text.includes('turned off')),
    ).toHaveLength(1);
  });

  it('after the person saves a resume flag, their Home lists it, private ones included', async () => {
    await open();
    expect(homeText(slack, DEFAULT_USER_ID)).toContain('You have not flagged a resume yet');
    const updates = slack.callsTo('views.update').length;
    await slack.socket.send(
      'interactive',
      slack.payloads.messageShortcut({
        callbackId: FLAG_RESUME_SHORTCUT,
        message: { text: 'Backend engineer, 6 years of Go and PostgreSQL.', user: 'U0CANDIDATE' },
      }),
    );
    const update = await waitFor(() => slack.callsTo('views.update')[updates], 'the review');
    const viewId = String(update.args.view_id);
    const review = await waitFor(() => {
      const view = slack.workspace.views.get(viewId)?.view as { private_metadata?: string };
      return typeof view?.private_metadata === 'string' && view.private_metadata !== '' && view;
    }, 'the review modal');
    await republished(DEFAULT_USER_ID, () =>
      slack.socket.send(
        'interactive',
        slack.payloads.viewSubmission({
          callbackId: FLAG_RESUME_VIEW,
          viewId,
          privateMetadata: String(review.private_metadata),
          values: {
            [FLAG_RESUME_INPUTS.concerns.blockId]: {
              [FLAG_RESUME_INPUTS.concerns.actionId]: {
                type: 'checkboxes',
                selected_options: [],
              },
            },
            [FLAG_RESUME_INPUTS.note.blockId]: {
              [FLAG_RESUME_INPUTS.note.actionId]: {
                type: 'plain_text_input',
                value: 'Ask about the 2021 gap <!channel>',
              },
            },
            [FLAG_RESUME_INPUTS.destination.blockId]: {
              [FLAG_RESUME_INPUTS.destination.actionId]: {
                type: 'radio_buttons',
                selected_option: { value: 'private' },
              },
            },
          },
        }),
      ),
    );
    const text = homeText(slack, DEFAULT_USER_ID);
    expect(text).toContain('Ask about the 2021 gap &lt;!channel&gt;');
    expect(text).toContain('sent to you only');
    expect(text).not.toContain('<!channel>');
  });

  /** A full member of the workspace who is in #hiring (guests get no Home: the access gate). */
  let teammates = 0;
  function addTeammateInHiring(): string {
    const id = `U0MATE${++teammates}`;
    slack.workspace.addUser({ id, name: `mate${teammates}`, tz: 'UTC' });
    slack.workspace.channels.get(DEFAULT_CHANNEL_ID)?.members?.push(id);
    return id;
  }

  it('a teammate in the channel sees the reminder in their Home too; one outside does not', async () => {
    await republished(DEFAULT_USER_ID, () =>
      slack.socket.send(
        'slash_commands',
        slack.payloads.slashCommand({ text: 'remind 11:15 UTC' }),
      ),
    );
    const teammate = addTeammateInHiring();
    await open(teammate);
    expect(homeText(slack, teammate)).toContain('11:15');
    slack.workspace.addUser({ id: 'U0OTHER', name: 'other', tz: 'UTC' });
    // Added after the channels were made, so a member of none of them.
    await open('U0OTHER');
    expect(homeText(slack, 'U0OTHER')).not.toContain('11:15');
    expect(homeText(slack, 'U0OTHER')).toContain('No reminders yet');
  });

  it('when Slack rate-limits the membership check, the Home goes out at once and says so', async () => {
    await republished(DEFAULT_USER_ID, () =>
      slack.socket.send(
        'slash_commands',
        slack.payloads.slashCommand({ text: 'remind 12:45 UTC' }),
      ),
    );
    slack.rateLimit('conversations.members', { retryAfterSeconds: 30, times: 5 });
    try {
      const teammate = addTeammateInHiring();
      const started = performance.now();
      await open(teammate);
      expect(performance.now() - started).toBeLessThan(3000);
      const text = homeText(slack, teammate);
      expect(text).toContain('could not be checked just now');
      expect(text).not.toContain('12:45');
      // Nor is the app's own client held up by the 429: a press in the Home publishes at once.
      const pressed = performance.now();
      await press('Levels', teammate);
      expect(performance.now() - pressed).toBeLessThan(3000);
      expect(homeText(slack, teammate)).toContain('Senior details');
    } finally {
      slack.clearFailures();
    }
  });
});

describe('Home buttons obey HIRE_ADMINS', () => {
  it('a non-admin sees no buttons; a stale button says why in a modal and changes nothing', async () => {
    const slack = await startLoopbackSlack();
    const { deps } = await createTestDeps({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      HIRE_ADMINS: 'U0ADMIN',
    });
    const bot = createApp(deps);
    try {
      await bot.start();
      await slack.socket.waitForConnection();
      const sub = await deps.store.reminders.upsert({
        teamId: slack.teamId,
        channelId: DEFAULT_CHANNEL_ID,
        createdBy: DEFAULT_USER_ID,
        settings: {
          localTime: '09:00',
          timeZone: 'UTC',
          days: [1, 2, 3, 4, 5],
          topics: ['questions'],
        },
        nextRunAt: new Date('2026-03-03T09:00:00Z'),
        now: new Date('2026-03-02T09:00:00Z'),
      });
      await slack.socket.send('events_api', slack.payloads.appHomeOpened());
      await waitFor(() => slack.homeOf(DEFAULT_USER_ID), 'the Home');
      await settled(bot);
      expect(homeText(slack, DEFAULT_USER_ID)).toContain('Only the hiring admins');
      expect(
        homeBlocks(slack, DEFAULT_USER_ID).some((b) =>
          JSON.stringify(b).includes('reminders_home_pause'),
        ),
      ).toBe(false);

      // A button from a Home published before HIRE_ADMINS was set.
      await slack.socket.send(
        'interactive',
        slack.payloads.blockAction({
          actionId: 'reminders_home_pause',
          value: `${DEFAULT_CHANNEL_ID} 09:00`,
          userId: DEFAULT_USER_ID,
          inHome: true,
        }),
      );
      const modal = await waitFor(
        () => slack.callsTo('views.open').find((c) => c.outcome === 'ok'),
        'the modal saying why',
      );
      expect(JSON.stringify(modal.args.view)).toContain('Only the hiring admins');
      expect((await deps.store.reminders.get(sub.sub.id))?.status).toBe('active');
    } finally {
      await bot.stop();
      await slack.close();
      await deps.store.close();
    }
  });
});
