import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';

let slack: LoopbackSlack;

beforeAll(async () => {
  slack = await startLoopbackSlack({ pingIntervalMs: 0 });
});
afterAll(() => slack.close());

/** What Bolt's respond() does: POST JSON to the response_url. */
async function respond(url: unknown, body: Record<string, unknown>) {
  const response = await fetch(String(url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const share = {
  type: 'actions',
  elements: [
    {
      type: 'button',
      action_id: 'hire_share',
      text: { type: 'plain_text', text: 'Share in channel' },
      value: 'glossary Kafka',
    },
  ],
};

describe('response_url endpoints', () => {
  it('puts live response_urls and trigger_ids in slash commands', () => {
    const command = slack.payloads.slashCommand({ text: 'help', channelId: 'C0LOOPBACK' });
    expect(command.response_url).toMatch(new RegExp(`^${slack.baseUrl}/respond/R\\d+$`));
    expect(command.trigger_id).toBeTruthy();
    expect(command).toMatchObject({
      command: '/hire',
      text: 'help',
      user_id: 'U0LOOPBACK',
      channel_name: 'hiring',
      team_id: slack.teamId,
      api_app_id: slack.appId,
    });
  });

  it('records replies and applies share-then-delete to the model', async () => {
    const command = slack.payloads.slashCommand({ text: 'glossary Kafka' });
    const ackTs = slack.applyCommandReply(command, {
      text: 'Kafka: a log',
      blocks: [share],
    });
    expect(ackTs).toBeUndefined();
    const privateCopy = slack.messagesIn('C0LOOPBACK').at(-1);
    expect(privateCopy).toMatchObject({ ephemeral: true, visibleTo: 'U0LOOPBACK', source: 'ack' });

    const action = slack.payloads.blockAction({
      actionId: 'hire_share',
      value: 'glossary Kafka',
      messageTs: privateCopy?.ts,
    });
    expect(action.container).toMatchObject({ is_ephemeral: true, message_ts: privateCopy?.ts });
    expect(action.message).toBeUndefined();
    expect(action.actions).toMatchObject([
      { action_id: 'hire_share', value: 'glossary Kafka', text: { text: 'Share in channel' } },
    ]);

    const posted = await respond(action.response_url, {
      response_type: 'in_channel',
      text: 'Kafka: a log (shared by <@U0LOOPBACK>)',
    });
    expect(posted).toEqual({ status: 200, body: { ok: true } });
    const deleted = await respond(action.response_url, { delete_original: true });
    expect(deleted.status).toBe(200);

    expect(slack.responses.slice(-2)).toMatchObject([
      { responseType: 'in_channel', deleteOriginal: false, status: 200 },
      { deleteOriginal: true, status: 200, messageTs: privateCopy?.ts },
    ]);
    const seen = slack.messagesIn('C0LOOPBACK', { visibleTo: 'U0LOOPBACK' });
    expect(seen.some((m) => m.ts === privateCopy?.ts)).toBe(false);
    expect(seen.at(-1)).toMatchObject({
      ephemeral: false,
      text: 'Kafka: a log (shared by <@U0LOOPBACK>)',
    });
  });

  it('replaces the original in place', async () => {
    const command = slack.payloads.slashCommand({ text: 'questions' });
    slack.applyCommandReply(command, { text: 'Q1', blocks: [share] });
    const original = slack.messagesIn('C0LOOPBACK').at(-1);
    const action = slack.payloads.blockAction({ actionId: 'hire_share', messageTs: original?.ts });
    await respond(action.response_url, { replace_original: true, text: 'Q2' });
    expect(slack.messagesIn('C0LOOPBACK').find((m) => m.ts === original?.ts)).toMatchObject({
      text: 'Q2',
      ephemeral: true,
    });
  });

  it('refuses a reply that breaks the limits, with 400 (Bolt’s respond() then throws)', async () => {
    const command = slack.payloads.slashCommand({ text: 'x' });
    const answer = await respond(command.response_url, {
      text: 'x',
      blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });

  it('allows 5 uses per response_url, then answers 404', async () => {
    const command = slack.payloads.slashCommand({ text: 'x' });
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await respond(command.response_url, { text: `#${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(slack.responses.at(-1)).toMatchObject({ status: 404, error: 'used_url' });
  });

  it('answers 404 for an unknown response_url and 400 for a body that is not JSON', async () => {
    expect((await respond(`${slack.baseUrl}/respond/R999999`, { text: 'x' })).status).toBe(404);
    const command = slack.payloads.slashCommand({ text: 'x' });
    const response = await fetch(String(command.response_url), {
      method: 'POST',
      body: 'not json',
    });
    expect(response.status).toBe(400);
  });

  it('adds a shortcut’s message to the model so it can be linked and replied to', async () => {
    const shortcut = slack.payloads.messageShortcut({
      callbackId: 'flag_resume',
      message: { text: 'Resume: 5 years of Go', ts: '1700000000.000100', user: 'U0LOOPBACK' },
    });
    expect(shortcut).toMatchObject({
      type: 'message_action',
      callback_id: 'flag_resume',
      message_ts: '1700000000.000100',
      channel: { id: 'C0LOOPBACK' },
    });
    const link = await fetch(`${slack.apiUrl}chat.getPermalink`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.botToken}` },
      body: new URLSearchParams({ channel: 'C0LOOPBACK', message_ts: '1700000000.000100' }),
    });
    expect(await link.json()).toMatchObject({
      ok: true,
      permalink: 'https://loopback.slack/archives/C0LOOPBACK/p1700000000000100',
    });
  });

  it('builds view submissions with state values and metadata', () => {
    const submission = slack.payloads.viewSubmission({
      callbackId: 'flag_resume_modal',
      values: { note: { note_input: { type: 'plain_text_input', value: 'ok' } } },
      privateMetadata: '{"ts":"1"}',
    });
    expect(submission).toMatchObject({
      type: 'view_submission',
      view: {
        callback_id: 'flag_resume_modal',
        private_metadata: '{"ts":"1"}',
        state: { values: { note: { note_input: { value: 'ok' } } } },
      },
      user: { id: 'U0LOOPBACK' },
    });
  });
});

describe('history', () => {
  it('can be cleared between benchmark phases', async () => {
    const other = await startLoopbackSlack({ pingIntervalMs: 0 });
    try {
      const command = other.payloads.slashCommand({ text: 'x' });
      await respond(command.response_url, { text: 'one' });
      await fetch(`${other.apiUrl}auth.test`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.botToken}` },
      });
      expect([other.calls.length, other.responses.length, other.messages.length]).toEqual([
        1, 1, 1,
      ]);
      other.clearHistory();
      expect([other.calls.length, other.responses.length, other.messages.length]).toEqual([
        0, 0, 0,
      ]);
    } finally {
      await other.close();
    }
  });
});
