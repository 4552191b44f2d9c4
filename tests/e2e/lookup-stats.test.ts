import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../src/dev/loopback-slack/signed-request.js';
import { checkMessageLimits } from '../../src/dev/slack-limits.js';
import { HIRE_ACTION_PATTERNS } from '../../src/kernel/hire-command/hire-command-ids.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import type { TestDeps } from '../support/app-test-deps.js';
import { type HttpBot, SIGNING_SECRET, startHttpBot } from './support/http-bot.js';
import { waitFor } from './support/wait-for.js';

type Block = { text?: { text?: string }; accessory?: { action_id?: string; value?: string } };

describe('/hire stats end to end (HTTP mode, signed requests, loopback Slack)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let http: HttpBot;
  let url: string;

  beforeAll(async () => {
    slack = await startLoopbackSlack();
    http = await startHttpBot(slack, { knowledge: loadKnowledge() });
    ({ deps, url } = http);
  });
  afterAll(async () => {
    await http?.stop();
    await slack?.close();
  });

  /** A signed slash command: the ack's body, and what came later on its response_url. */
  async function hire(text: string) {
    const payload = slack.payloads.slashCommand({ text });
    const id = String(payload.response_url).split('/').pop();
    const ack = await postToApp(url, { kind: 'command', payload, signingSecret: SIGNING_SECRET });
    expect(ack.status).toBe(200);
    return { ack, responses: () => slack.responses.filter((r) => r.id === id) };
  }

  it('a glossary miss just looked up shows in /hire stats with its Add to the glossary button', async () => {
    const { ack } = await hire('glossary quokkabase');
    expect(JSON.stringify(ack.body)).toContain('No matching term');
    await hire('glossary Kafka');

    const { responses } = await hire('stats');
    const message = (await waitFor(() => responses()[0], 'the answer to /hire stats')).body as {
      text: string;
      blocks: Block[];
    };
    expect(checkMessageLimits(message)).toEqual([]);
    const miss = message.blocks.find((b) => b.text?.text?.includes('“quokkabase”'));
    expect(miss?.accessory?.action_id).toMatch(HIRE_ACTION_PATTERNS.addToGlossary);
    expect(miss?.accessory?.value).toBe('quokkabase');
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*Most looked up*');
    expect(text).toContain('*Use per subcommand*');
    expect(text).toMatch(/` 2 {2}glossary \(1 not found\)/);
    // Stored without who looked it up, within the workspace.
    const rows = await deps.store.db
      .withTables<{ lookup_records: Record<string, unknown> }>()
      .selectFrom('lookup_records')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.team_id === slack.teamId)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(slack.payloads.slashCommand({ text: 'x' }).user_id);
  });

  it('a period it does not know is answered at once, naming 7d and 30d', async () => {
    const { ack } = await hire('stats forever');
    expect(JSON.stringify(ack.body)).toContain('stats 30d');
  });
});
