import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../src/dev/loopback-slack/signed-request.js';
import {
  GLOSSARY_ENTRY_VIEW,
  QUESTION_ENTRY_VIEW,
  TEAM_ENTRY_ACTIONS,
} from '../../src/features/team-knowledge/team-knowledge-ids.js';
import {
  glossaryValues,
  questionValues,
} from '../features/team-knowledge/support/team-fixtures.js';
import { forPostgres, POSTGRES_TEST_URL } from '../support/test-stores.js';
import { type SpawnedBot, spawnBot } from './support/spawn-bot.js';
import { waitFor } from './support/wait-for.js';

const SIGNING_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const ALICE = 'U0ALICE';
const ADMIN = 'U0ADMIN';
/** The promise: a change on one instance is answered on the others within this. */
const PROPAGATION_MS = 2_000;

async function onPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The test's own schema, named in the URL so that each bot's connections use it alone. */
function databaseUrlIn(schema: string): string {
  const url = new URL(POSTGRES_TEST_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

forPostgres('team terms added in Slack, two bot processes sharing PostgreSQL', () => {
  let slack: LoopbackSlack;
  const schema = `hire_e2e_${randomBytes(5).toString('hex')}`;
  const bots: { bot: SpawnedBot; url: string }[] = [];

  beforeAll(async () => {
    slack = await startLoopbackSlack();
    slack.workspace.addUser({ id: ALICE, name: 'alice', tz: 'UTC' });
    slack.workspace.addUser({ id: ADMIN, name: 'admin', tz: 'UTC' });
    await onPostgres(`create schema ${schema}`);
    const env = {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DATABASE_URL: databaseUrlIn(schema),
      HIRE_ADMINS: ADMIN,
      LOG_LEVEL: 'info',
    };
    // One after the other: the second finds the migrations done.
    for (let i = 0; i < 2; i += 1) {
      const bot = spawnBot(env);
      await bot.waitForOutput('"msg":"ready"', 30_000);
      const ready = bot
        .stdout()
        .split('\n')
        .find((line) => line.includes('"msg":"ready"'));
      const port = (JSON.parse(ready ?? '{}') as { port?: number }).port;
      bots.push({ bot, url: `http://127.0.0.1:${port}/slack/events` });
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all(bots.map(({ bot }) => bot.cleanup()));
    await slack?.close();
    await onPostgres(`drop schema if exists ${schema} cascade`);
  });

  const instance = (n: 0 | 1) => {
    const url = bots[n]?.url ?? '';
    return {
      interact: (payload: Record<string, unknown>) =>
        postToApp(url, { kind: 'interactive', payload, signingSecret: SIGNING_SECRET }),
      /** `/hire <text>` as ALICE; the answer comes inside the ack. */
      async hire(text: string): Promise<string> {
        const payload = slack.payloads.slashCommand({ text, userId: ALICE });
        const ack = await postToApp(url, {
          kind: 'command',
          payload,
          signingSecret: SIGNING_SECRET,
        });
        expect(ack.status).toBe(200);
        return ack.body;
      },
    };
  };

  it('a contribution waits for the admin; once approved on instance 1 it is found on instance 2 within 2 s, marked as the team’s with who added it', async () => {
    const one = instance(0);
    const two = instance(1);
    const submitted = await one.interact(
      slack.payloads.viewSubmission({
        callbackId: GLOSSARY_ENTRY_VIEW,
        privateMetadata: 'add',
        values: glossaryValues({ aliases: 'qdb' }) as Record<string, Record<string, unknown>>,
        userId: ALICE,
      }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toContain("waits for an admin's approval");

    // The admin is asked by direct message, with Approve and Reject.
    const request = await waitFor(
      () => slack.callsTo('chat.postMessage').find((c) => c.args.channel === ADMIN),
      'the admin’s direct message',
    );
    expect(JSON.stringify(request.args)).toContain(TEAM_ENTRY_ACTIONS.approve);
    // Pending: neither instance answers with it.
    expect(await two.hire('glossary QuokkaDB')).toContain('No matching term');

    const pressed = await one.interact(
      slack.payloads.blockAction({
        actionId: TEAM_ENTRY_ACTIONS.approve,
        value: 'glossary:quokkadb',
        userId: ADMIN,
      }),
    );
    expect(pressed.status).toBe(200);
    const approvedAt = Date.now();
    const answer = await waitFor(
      async () => {
        const body = await two.hire('glossary qdb');
        return body.includes('Our in-house document store.') && body;
      },
      'the term on instance 2',
      PROPAGATION_MS,
    );
    expect(Date.now() - approvedAt).toBeLessThan(PROPAGATION_MS);
    expect(answer).toContain("Your team's own");
    expect(answer).toContain(`added by <@${ALICE}>`);

    // The contributor is told, and the admin's message says who decided.
    const told = await waitFor(
      () => slack.callsTo('chat.postMessage').find((c) => c.args.channel === ALICE),
      'the contributor’s direct message',
    );
    expect(String(told.args.text)).toContain('was approved by');
    const decided = await waitFor(
      () => slack.responses.find((r) => JSON.stringify(r.body).includes('Approved by')),
      'the admin’s message updated',
    );
    expect(JSON.stringify(decided.body)).toContain(`<@${ADMIN}>`);
  }, 30_000);

  it('a term removed on instance 2 is gone from instance 1 within 2 s', async () => {
    const one = instance(0);
    const two = instance(1);
    const payload = slack.payloads.slashCommand({
      text: 'glossary remove QuokkaDB',
      userId: ALICE,
    });
    const id = String(payload.response_url).split('/').pop();
    await postToApp(bots[1]?.url ?? '', {
      kind: 'command',
      payload,
      signingSecret: SIGNING_SECRET,
    });
    const reply = await waitFor(
      () => slack.responses.find((r) => r.id === id),
      'the answer to glossary remove',
    );
    expect(JSON.stringify(reply.body)).toContain('Removed');
    await waitFor(
      async () => (await one.hire('glossary QuokkaDB')).includes('No matching term'),
      'the term gone on instance 1',
      PROPAGATION_MS,
    );
    expect(await two.hire('glossary QuokkaDB')).toContain('No matching term');
  }, 30_000);

  it('a question shows its id to change it; removed by its id on instance 2, it is gone from instance 1 within 2 s', async () => {
    const one = instance(0);
    const two = instance(1);
    const id = 'how-would-you-move-a-hot-table-to-quokkadb';
    await one.interact(
      slack.payloads.viewSubmission({
        callbackId: QUESTION_ENTRY_VIEW,
        privateMetadata: 'add',
        values: questionValues({}) as Record<string, Record<string, unknown>>,
        userId: ALICE,
      }),
    );
    await one.interact(
      slack.payloads.blockAction({
        actionId: TEAM_ENTRY_ACTIONS.approve,
        value: `questions:${id}`,
        userId: ADMIN,
      }),
    );
    const shown = await waitFor(
      async () => {
        const body = await two.hire(`questions ${id}`);
        return body.includes('hot table') && body;
      },
      'the question on instance 2',
      PROPAGATION_MS,
    );
    expect(shown).toContain(`/hire questions edit ${id}`);

    const payload = slack.payloads.slashCommand({ text: `questions remove ${id}`, userId: ALICE });
    const replyId = String(payload.response_url).split('/').pop();
    await postToApp(bots[1]?.url ?? '', {
      kind: 'command',
      payload,
      signingSecret: SIGNING_SECRET,
    });
    const reply = await waitFor(
      () => slack.responses.find((r) => r.id === replyId),
      'the answer to questions remove',
    );
    expect(JSON.stringify(reply.body)).toContain('Removed');
    await waitFor(
      async () => !(await one.hire(`questions ${id}`)).includes('hot table'),
      'the question gone on instance 1',
      PROPAGATION_MS,
    );
  }, 30_000);
});
