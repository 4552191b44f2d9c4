import type { SlashCommand } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { DEFAULT_USER_ID } from '../../../src/dev/loopback-slack/workspace.js';
import { checkMessageLimits } from '../../../src/dev/slack-limits.js';
import { planQuestions } from '../../../src/features/kits/kit-plan.js';
import { KIT_ACTIONS } from '../../../src/features/kits/kits-ids.js';
import type { FollowUpContext, Outcome } from '../../../src/kernel/hire-command/subcommand.js';
import { snapshotOf } from '../../../src/kernel/knowledge/knowledge-source.js';
import { hire } from '../../support/answer-hire.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const snapshot = snapshotOf(fixtureKnowledge());

type Said = { response_type?: string; text?: string; blocks?: unknown[] };

/** The value of the first button with this action id. */
function buttonValue(message: Said | undefined, actionId: string): string | undefined {
  for (const block of (message?.blocks ?? []) as { elements?: unknown[] }[]) {
    for (const element of (block.elements ?? []) as { action_id?: string; value?: string }[]) {
      if (element.action_id === actionId) return element.value;
    }
  }
  return undefined;
}

describe('/hire kit and /hire scorecards in the /hire table', () => {
  it('read their arguments the same way every time, drawing nothing', () => {
    expect(hire.parse('kit senior 60 for Backend #42')).toEqual({
      kind: 'kit',
      args: 'senior 60 for Backend #42',
    });
    expect(hire.parse('interview kit mid')).toEqual({ kind: 'kit', args: 'mid' });
    expect(hire.parse('scorecards  Backend   #42')).toEqual({ kind: 'list', label: 'Backend #42' });
    expect(hire.parse('scorecards delete Backend #42')).toEqual({
      kind: 'delete',
      label: 'Backend #42',
    });
    expect(hire.parse('scorecards')).toEqual({ kind: 'usage' });
  });

  it('refuse bad input inside the ack, the same each time, naming what is accepted', () => {
    for (const [text, expected] of [
      ['kit sneior', 'Did you mean *senior*'],
      ['kit senior 50', 'Did you mean *45*'],
      ['kit senior 45 to #hiring', "I can't tell which channel"],
      ['scorecards', 'Name the candidate'],
    ] as const) {
      const outcome = hire.run(text, snapshot);
      if (!('reply' in outcome)) throw new Error(`${text} should be answered at once`);
      expect(outcome.fresh, text).toBeUndefined();
      expect(JSON.stringify(outcome.reply), text).toContain(expected);
      expect(checkMessageLimits(outcome.reply), text).toEqual([]);
    }
  });

  it('show an unstored kit, drawn afresh, where there is no Slack to follow up in', () => {
    const first = hire.answer('kit senior 45 for Backend #42', snapshot);
    const second = hire.answer('kit senior 45 for Backend #42', snapshot);
    expect(checkMessageLimits(first)).toEqual([]);
    expect(buttonValue(first, KIT_ACTIONS.score)).toBeUndefined();
    const seeds = [first, second].map((m) => buttonValue(m, KIT_ACTIONS.again));
    expect(seeds[0]).toMatch(/^kit senior 45 seed:[A-Za-z0-9_-]+$/);
    expect(seeds[0]).not.toBe(seeds[1]);
    expect(JSON.stringify(hire.answer('scorecards Backend #42', snapshot))).toContain(
      'works only inside Slack',
    );
  });
});

describe('/hire kit after the ack', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let said: Said[];

  beforeEach(async () => {
    slack = await startLoopbackSlack();
    ({ deps } = await createTestDeps());
    said = [];
  });
  afterEach(async () => {
    await slack.close();
    await deps.store.close();
  });

  async function followUp(text: string): Promise<void> {
    const outcome: Outcome = hire.run(text, snapshot);
    if (!('followUp' in outcome)) throw new Error(`${text} was answered at once`);
    const ctx: FollowUpContext = {
      // The fields of a slash command as Slack posts them (all strings).
      command: slack.payloads.slashCommand({ text }) as unknown as SlashCommand,
      respond: async (message) => {
        said.push(typeof message === 'string' ? { text: message } : message);
        return new Response(null);
      },
      client: new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl }),
      deps,
      channelAudience: deps.channelAudience,
    };
    await outcome.followUp(ctx);
  }

  it('stores a private kit and answers with its Score button', async () => {
    await followUp('kit senior 45 for Backend #42');
    const [kit] = (await deps.store.kits.listForCandidate(slack.teamId, 'Backend #42')).kits;
    expect(kit).toMatchObject({ createdBy: DEFAULT_USER_ID, destination: { kind: 'private' } });
    expect(said).toHaveLength(1);
    const [message] = said;
    expect(message?.response_type).toBe('ephemeral');
    expect(buttonValue(message, KIT_ACTIONS.score)).toBe(kit?.id);
    expect(checkMessageLimits(message ?? {})).toEqual([]);
  });

  it('draws the same questions again from the seed the "Again" button carries', async () => {
    await followUp('kit senior 45 for Backend #42');
    const again = buttonValue(said[0], KIT_ACTIONS.again) ?? '';
    await followUp(`${again} for Backend #42`);
    const kits = (await deps.store.kits.listForCandidate(slack.teamId, 'Backend #42')).kits;
    expect(kits).toHaveLength(2);
    const [newer, older] = kits.map((k) => planQuestions(k.plan).map((q) => q.questionId));
    expect(newer).toEqual(older);
  });
});
