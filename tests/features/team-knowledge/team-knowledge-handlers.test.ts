import type { RespondFn, SlashCommand } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMessageAsText } from '../../../src/cli/render-message.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { pickTip } from '../../../src/features/reminders/tips/pick-tip.js';
import { createAddToGlossaryAction } from '../../../src/features/team-knowledge/add-to-glossary-action.js';
import { createEntrySubmission } from '../../../src/features/team-knowledge/entry-submission.js';
import { pendingHomeSection } from '../../../src/features/team-knowledge/pending-home-section.js';
import { createReviewAction } from '../../../src/features/team-knowledge/review-action.js';
import { createTeamEntryRepository } from '../../../src/features/team-knowledge/storage/team-entry-repository.js';
import {
  GLOSSARY_ENTRY_VIEW,
  GLOSSARY_INPUTS,
  QUESTION_ENTRY_VIEW,
  TEAM_ENTRY_ACTIONS,
} from '../../../src/features/team-knowledge/team-knowledge-ids.js';
import { HIRE_ACTIONS } from '../../../src/kernel/hire-command/hire-command-ids.js';
import type { Outcome } from '../../../src/kernel/hire-command/subcommand.js';
import type { ButtonArgs, ViewSubmissionArgs } from '../../../src/kernel/slack/listener-router.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import { glossaryValues, questionValues } from './support/team-fixtures.js';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const ADMIN = 'U0ADMIN';

let slack: LoopbackSlack;
let deps: TestDeps;
let acks: unknown[];
let responses: unknown[];
let homes: string[];

async function setUp(env: Record<string, string> = {}) {
  slack = await startLoopbackSlack();
  for (const [id, name] of [
    [ALICE, 'alice'],
    [BOB, 'bob'],
    [ADMIN, 'admin'],
  ] as const)
    slack.workspace.addUser({ id, name, tz: 'UTC' });
  ({ deps } = await createTestDeps(env));
  acks = [];
  responses = [];
  homes = [];
  deps.events.on('home-changed', ({ userId }) => {
    homes.push(userId);
  });
}
afterEach(async () => {
  await slack?.close();
  await deps?.store.close();
});

const client = () =>
  new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });

/** Bolt's listener arguments, as far as the handlers read them. */
function boltArgs<T>(body: Record<string, unknown>): T {
  return {
    body,
    payload: body,
    view: body.view,
    action: (body.actions as unknown[] | undefined)?.[0],
    client: client(),
    ack: async (response?: unknown) => {
      acks.push(response);
    },
    respond: async (message: unknown) => {
      responses.push(message);
    },
  } as unknown as T;
}

const submitGlossary = (values: Record<string, unknown>, userId = ALICE, metadata = 'add') =>
  createEntrySubmission(
    'glossary',
    deps,
  )(
    boltArgs<ViewSubmissionArgs>(
      slack.payloads.viewSubmission({
        callbackId: GLOSSARY_ENTRY_VIEW,
        privateMetadata: metadata,
        values: values as Record<string, Record<string, unknown>>,
        userId,
      }),
    ),
  );

const submitQuestion = (values: Record<string, unknown>, userId = ALICE, metadata = 'add') =>
  createEntrySubmission(
    'questions',
    deps,
  )(
    boltArgs<ViewSubmissionArgs>(
      slack.payloads.viewSubmission({
        callbackId: QUESTION_ENTRY_VIEW,
        privateMetadata: metadata,
        values: values as Record<string, Record<string, unknown>>,
        userId,
      }),
    ),
  );

const press = (kind: 'approve' | 'reject', value: string, userId: string): Promise<void> =>
  createReviewAction(
    kind,
    deps,
  )(
    boltArgs<ButtonArgs>(
      slack.payloads.blockAction({ actionId: TEAM_ENTRY_ACTIONS[kind], value, userId }),
    ),
  );

const answer = (text: string) => {
  const snapshot = deps.knowledge.current();
  return renderMessageAsText(deps.hire.messageOf(deps.hire.run(text, snapshot), snapshot));
};

const lastAck = () => acks.at(-1) as Record<string, unknown>;
const dmsTo = (userId: string) =>
  slack
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === userId)
    .map((c) => JSON.stringify(c.args));

/** Runs a /hire follow-up as the command listener would. */
async function followUp(text: string, userId: string) {
  const snapshot = deps.knowledge.current();
  const outcome: Outcome = deps.hire.run(text, snapshot);
  if (!('followUp' in outcome)) throw new Error(`${text} answered at once`);
  const command = slack.payloads.slashCommand({ text, userId }) as unknown as SlashCommand;
  await outcome.followUp({
    command,
    client: client(),
    deps,
    channelAudience: deps.channelAudience,
    respond: (async (message: unknown) => {
      responses.push(message);
    }) as unknown as RespondFn,
  });
}

describe('adding a glossary term from Slack, HIRE_ADMINS empty', () => {
  it('is live at once, found by /hire glossary with who added it', async () => {
    await setUp();
    const before = deps.knowledge.current().version;
    await submitGlossary(glossaryValues({ aliases: 'quokka, qdb , quokka' }));
    expect(lastAck()).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(lastAck())).toContain("is in the team's glossary now");
    expect(deps.knowledge.current().version).toBeGreaterThan(before);
    const text = answer('glossary qdb');
    expect(text).toContain('Our in-house document store.');
    expect(text).toContain(`added by @${ALICE} on 2026-03-02`);
    expect(text).toContain("Your team's own");
    const stored = await createTeamEntryRepository(deps.store).get(
      'T0LOOPBACK',
      'glossary',
      'quokkadb',
    );
    expect(stored).toMatchObject({ status: 'live', addedBy: ALICE });
    expect(stored?.entry).toMatchObject({ aliases: ['quokka', 'qdb'], source: 'team' });
  });

  it('answers a name another term has as a field error, storing nothing', async () => {
    await setUp();
    const entries = createTeamEntryRepository(deps.store);
    await submitGlossary(glossaryValues({ name: 'Latency' }));
    expect(lastAck()).toMatchObject({
      response_action: 'errors',
      errors: { [GLOSSARY_INPUTS.name.blockId]: expect.stringContaining('“Latency” is already') },
    });
    await submitGlossary(glossaryValues({ aliases: 'fine, response time' }));
    expect(lastAck()).toMatchObject({
      response_action: 'errors',
      errors: { [GLOSSARY_INPUTS.aliases.blockId]: expect.stringContaining('response time') },
    });
    await submitGlossary(glossaryValues({ meaning: '   ' }));
    expect(lastAck()).toMatchObject({
      response_action: 'errors',
      errors: { [GLOSSARY_INPUTS.meaning.blockId]: 'Write what it means.' },
    });
    expect(await entries.revision('T0LOOPBACK')).toBe(0);
  });

  it('gives a second term of the same name a new id, and refuses the same name twice', async () => {
    await setUp();
    await submitGlossary(glossaryValues({}));
    await submitGlossary(glossaryValues({}));
    expect(lastAck()).toMatchObject({ response_action: 'errors' });
    await submitGlossary(glossaryValues({ name: 'Quokka-DB!' }));
    // Same slug, other spelling: folded, the name collides too.
    expect(lastAck()).toMatchObject({ response_action: 'errors' });
  });

  it('adds a question that the questions answer and the reminders’ tips include', async () => {
    await setUp();
    await createEntrySubmission(
      'questions',
      deps,
    )(
      boltArgs<ViewSubmissionArgs>(
        slack.payloads.viewSubmission({
          callbackId: QUESTION_ENTRY_VIEW,
          privateMetadata: 'add',
          values: questionValues({}) as Record<string, Record<string, unknown>>,
          userId: ALICE,
        }),
      ),
    );
    expect(lastAck()).toMatchObject({ response_action: 'update' });
    const { knowledge } = deps.knowledge.current();
    const added = knowledge.questions.questions.find((q) => q.source === 'team');
    expect(added).toMatchObject({
      id: 'how-would-you-move-a-hot-table-to-quokkadb',
      levels: ['senior', 'staff'],
      lookFor: ['Dual writes', 'A backfill plan'],
    });
    // The tip of a senior reminder that has seen every other senior question picks the team's.
    const others = knowledge.questions.questions
      .filter((q) => q.levels.includes('senior') && q.id !== added?.id)
      .map((q) => q.id);
    const picked = pickTip({
      knowledge,
      level: 'senior',
      topics: ['questions'],
      seen: { questions: others },
      seed: 'sub',
    });
    expect(picked.tip.question?.id).toBe(added?.id);
  });

  it('asks for levels and an area when they are missing', async () => {
    await setUp();
    await createEntrySubmission(
      'questions',
      deps,
    )(
      boltArgs<ViewSubmissionArgs>(
        slack.payloads.viewSubmission({
          callbackId: QUESTION_ENTRY_VIEW,
          privateMetadata: 'add',
          values: questionValues({ levels: [], area: null, redFlags: '\n \n' }) as Record<
            string,
            Record<string, unknown>
          >,
          userId: ALICE,
        }),
      ),
    );
    const errors = JSON.stringify(lastAck());
    expect(errors).toContain('Choose at least one level.');
    expect(errors).toContain('Choose an area.');
    expect(errors).toContain('Write at least one red flag');
  });
});

describe('approval with HIRE_ADMINS set', () => {
  const ref = 'glossary:quokkadb';

  it('waits for an admin, who is asked by DM; approval makes it live and tells the contributor', async () => {
    await setUp({ HIRE_ADMINS: ADMIN });
    await submitGlossary(glossaryValues({}));
    expect(JSON.stringify(lastAck())).toContain("waits for an admin's approval");
    expect(answer('glossary quokkadb')).not.toContain('Our in-house document store.');
    const [request] = dmsTo(ADMIN);
    expect(request).toContain(TEAM_ENTRY_ACTIONS.approve);
    expect(request).toContain('QuokkaDB');
    expect(homes).toContain(ADMIN);

    // The admin's Home lists it; someone else's Home does not.
    const section = (userId: string, isAdmin: boolean) =>
      pendingHomeSection.build(
        { viewer: { teamId: 'T0LOOPBACK', userId, isAdmin }, page: 1, maxBlocks: 30 },
        deps,
      );
    expect(JSON.stringify((await section(ADMIN, true)).blocks)).toContain(
      'Contributions waiting for approval',
    );
    expect((await section(BOB, false)).blocks).toEqual([]);

    await press('approve', ref, BOB);
    expect(JSON.stringify(responses.at(-1))).toContain('Only the admins');
    expect(answer('glossary quokkadb')).not.toContain('Our in-house document store.');

    await press('approve', ref, ADMIN);
    expect(JSON.stringify(responses.at(-1))).toContain(`Approved by <@${ADMIN}>`);
    expect(answer('glossary quokkadb')).toContain('Our in-house document store.');
    expect(dmsTo(ALICE).join()).toContain('was approved by');
    expect((await section(ADMIN, true)).blocks).toEqual([]);

    // A second press (another admin's copy) shows who decided and tells no one again.
    await press('reject', ref, ADMIN);
    expect(JSON.stringify(responses.at(-1))).toContain('Approved by');
    expect(dmsTo(ALICE)).toHaveLength(1);
  });

  it('a rejected contribution never shows, and the contributor is told', async () => {
    await setUp({ HIRE_ADMINS: `${ADMIN},U0OTHER` });
    await submitGlossary(glossaryValues({}));
    expect(dmsTo('U0OTHER')).toHaveLength(1);
    await press('reject', ref, ADMIN);
    expect(JSON.stringify(responses.at(-1))).toContain(`Rejected by <@${ADMIN}>`);
    expect(dmsTo(ALICE).join()).toContain('was not accepted by');
    expect(answer('glossary quokkadb')).not.toContain('Our in-house document store.');
  });
});

describe('edit and remove', () => {
  it('only by the author or an admin; removal keeps the record and drops the term', async () => {
    await setUp({ HIRE_ADMINS: ADMIN });
    const entries = createTeamEntryRepository(deps.store);
    await submitGlossary(glossaryValues({}));
    await press('approve', 'glossary:quokkadb', ADMIN);

    await followUp('glossary remove QuokkaDB', BOB);
    expect(JSON.stringify(responses.at(-1))).toContain('Only whoever added');
    await followUp('glossary remove Latency', ALICE);
    expect(JSON.stringify(responses.at(-1))).toContain('was not added in Slack');

    await followUp('glossary edit quokkadb', ALICE);
    const [view] = slack.callsTo('views.open').map((c) => JSON.stringify(c.args.view));
    expect(view).toContain('Edit team term');
    expect(view).toContain('Our in-house document store.');

    await submitGlossary(
      glossaryValues({ meaning: 'Changed by Bob.' }),
      BOB,
      'edit:glossary:quokkadb',
    );
    expect(JSON.stringify(lastAck())).toContain('Only whoever added');
    await submitGlossary(
      glossaryValues({ meaning: 'Changed by an admin.' }),
      ADMIN,
      'edit:glossary:quokkadb',
    );
    expect(lastAck()).toMatchObject({ response_action: 'update' });
    expect(answer('glossary quokkadb')).toContain('Changed by an admin.');
    expect(await entries.get('T0LOOPBACK', 'glossary', 'quokkadb')).toMatchObject({
      addedBy: ALICE,
      updatedBy: ADMIN,
    });

    await followUp('glossary remove quokkadb', ALICE);
    expect(JSON.stringify(responses.at(-1))).toContain('Removed');
    expect(answer('glossary quokkadb')).toContain('No matching term');
    expect(await entries.get('T0LOOPBACK', 'glossary', 'quokkadb')).toMatchObject({
      status: 'removed',
      updatedBy: ALICE,
    });
  });
});

describe('questions edit and remove', () => {
  /** The id the default question form gets, from its prompt. */
  const QID = 'how-would-you-move-a-hot-table-to-quokkadb';
  const lastResponse = () => JSON.stringify(responses.at(-1));
  const opened = () => slack.callsTo('views.open').map((c) => JSON.stringify(c.args.view));

  it('only by the author or an admin, only for a Slack-added question; removal keeps the record', async () => {
    await setUp({ HIRE_ADMINS: ADMIN });
    const entries = createTeamEntryRepository(deps.store);
    await submitQuestion(questionValues({}));
    await press('approve', `questions:${QID}`, ADMIN);

    // The answer shows the id, and how to change it, for the Slack-added question only.
    const shown = answer(`questions ${QID}`);
    expect(shown).toContain('How would you move a hot table to QuokkaDB?');
    expect(shown).toContain(`/hire questions edit ${QID}`);
    const fileQuestion = deps.knowledge
      .current()
      .knowledge.questions.questions.find((q) => q.source !== 'team');
    const fileId = fileQuestion?.id ?? '';
    expect(answer(`questions ${fileId}`)).not.toContain('questions edit');

    const revision = await entries.revision('T0LOOPBACK');
    await followUp(`questions edit ${QID}`, BOB);
    expect(lastResponse()).toContain('Only whoever added');
    await followUp(`questions remove ${QID}`, BOB);
    expect(lastResponse()).toContain('Only whoever added');
    await followUp(`questions remove ${fileId}`, ALICE);
    expect(lastResponse()).toContain('was not added in Slack');
    expect(lastResponse()).toContain("Change it in the team's files");
    await followUp('questions edit no-such-question', ALICE);
    expect(lastResponse()).toContain('No interview question has the id');
    expect(lastResponse()).toContain('questions edit &lt;id&gt;');
    // Refusals change nothing and open no form.
    expect(await entries.revision('T0LOOPBACK')).toBe(revision);
    expect(opened()).toEqual([]);

    // The author's form is filled in and says an admin approves the change; an admin's says
    // it shows at once (the id is read in any case).
    await followUp(`questions edit ${QID}`, ALICE);
    await followUp(`question edit ${QID.toUpperCase()}`, ADMIN);
    const [mine, admins] = opened();
    expect(mine).toContain(QUESTION_ENTRY_VIEW);
    expect(mine).toContain('Edit team question');
    expect(mine).toContain(`edit:questions:${QID}`);
    expect(mine).toContain('"initial_value":"How would you move a hot table to QuokkaDB?"');
    expect(mine).toContain('"initial_value":"Dual writes\\nA backfill plan"');
    type Choice = { value: string };
    type Element = { initial_options?: Choice[]; initial_option?: Choice };
    const [, levels, area] = (JSON.parse(mine ?? '{}') as { blocks: { element?: Element }[] })
      .blocks;
    expect(levels?.element?.initial_options?.map((o) => o.value)).toEqual(['senior', 'staff']);
    expect(area?.element?.initial_option?.value).toBe('databases');
    expect(mine).toContain('An admin approves your changes');
    expect(admins).toContain('Your changes show at once');

    await followUp(`questions remove ${QID}`, ALICE);
    expect(lastResponse()).toContain('Removed');
    expect(lastResponse()).toContain("the team's interview questions");
    expect(answer(`questions ${QID}`)).not.toContain('hot table');
    expect(await entries.get('T0LOOPBACK', 'questions', QID)).toMatchObject({
      status: 'removed',
      addedBy: ALICE,
      updatedBy: ALICE,
    });

    // Already gone: said so, for edit and remove alike.
    await followUp(`questions remove ${QID}`, ALICE);
    expect(lastResponse()).toContain('is no longer among');
    await followUp(`questions edit ${QID}`, ADMIN);
    expect(lastResponse()).toContain('is no longer among');
    expect(opened()).toHaveLength(2);
  });

  it('outside Slack they say Slack is needed; `questions` itself still looks up', async () => {
    await setUp();
    expect(answer(`questions edit ${QID}`)).toContain('works only inside Slack');
    expect(answer(`questions remove ${QID}`)).toContain('works only inside Slack');
    expect(answer('questions senior')).toContain('Interview questions: Senior');
  });
});

describe('review of edits with HIRE_ADMINS set', () => {
  const QID = 'how-would-you-move-a-hot-table-to-quokkadb';
  const edited = questionValues({ lookFor: 'Dual writes\nA backfill plan\nA rollback switch' });

  it("a non-admin author's edit goes back to pending, out of the answers, until an admin approves it", async () => {
    await setUp({ HIRE_ADMINS: ADMIN });
    const entries = createTeamEntryRepository(deps.store);
    await submitQuestion(questionValues({}));
    await press('approve', `questions:${QID}`, ADMIN);
    expect(answer(`questions ${QID}`)).toContain('hot table');
    const asked = dmsTo(ADMIN).length;

    await submitQuestion(edited, ALICE, `edit:questions:${QID}`);
    expect(lastAck()).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(lastAck())).toContain('Your change waits for an admin');
    expect(await entries.get('T0LOOPBACK', 'questions', QID)).toMatchObject({
      status: 'pending',
      addedBy: ALICE,
      updatedBy: ALICE,
      entry: { lookFor: ['Dual writes', 'A backfill plan', 'A rollback switch'] },
    });
    // One row per entry: the question leaves the team's answers until approved.
    expect(answer(`questions ${QID}`)).not.toContain('hot table');
    expect(deps.knowledge.current().knowledge.questions.questions.some((q) => q.id === QID)).toBe(
      false,
    );

    // The admins get the same Approve / Reject message, saying it is a change.
    const dms = dmsTo(ADMIN);
    expect(dms).toHaveLength(asked + 1);
    expect(dms.at(-1)).toContain('Changed interview question to review');
    expect(dms.at(-1)).toContain('A rollback switch');
    expect(dms.at(-1)).toContain(TEAM_ENTRY_ACTIONS.approve);
    expect(
      JSON.stringify(
        (
          await pendingHomeSection.build(
            {
              viewer: { teamId: 'T0LOOPBACK', userId: ADMIN, isAdmin: true },
              page: 1,
              maxBlocks: 30,
            },
            deps,
          )
        ).blocks,
      ),
    ).toContain('A rollback switch');

    // While it waits its author can still open it (it is not answered from, but stored).
    await followUp(`questions edit ${QID}`, ALICE);
    expect(JSON.stringify(slack.callsTo('views.open').at(-1)?.args.view)).toContain(
      'A rollback switch',
    );

    await press('approve', `questions:${QID}`, ADMIN);
    expect(answer(`questions ${QID}`)).toContain('A rollback switch');
    expect(dmsTo(ALICE).at(-1)).toContain('was approved by');

    // An admin's edit is live at once; no one is asked.
    await submitQuestion(
      questionValues({ lookFor: 'Dual writes\nAn admin’s line' }),
      ADMIN,
      `edit:questions:${QID}`,
    );
    expect(JSON.stringify(lastAck())).toContain('Saved.');
    expect(answer(`questions ${QID}`)).toContain('An admin’s line');
    expect(await entries.get('T0LOOPBACK', 'questions', QID)).toMatchObject({
      status: 'live',
      updatedBy: ADMIN,
    });
    expect(dmsTo(ADMIN)).toHaveLength(asked + 1);
  });

  it('a rejected edit leaves the entry out (one row per entry), and a glossary edit waits too', async () => {
    await setUp({ HIRE_ADMINS: ADMIN });
    await submitQuestion(questionValues({}));
    await press('approve', `questions:${QID}`, ADMIN);
    await submitQuestion(edited, ALICE, `edit:questions:${QID}`);
    await press('reject', `questions:${QID}`, ADMIN);
    expect(dmsTo(ALICE).at(-1)).toContain('was not accepted by');
    expect(answer(`questions ${QID}`)).not.toContain('hot table');

    await submitGlossary(glossaryValues({}));
    await press('approve', 'glossary:quokkadb', ADMIN);
    await submitGlossary(
      glossaryValues({ meaning: 'Changed by Alice.' }),
      ALICE,
      'edit:glossary:quokkadb',
    );
    expect(JSON.stringify(lastAck())).toContain('Your change waits for an admin');
    expect(answer('glossary quokkadb')).toContain('No matching term');
    await press('approve', 'glossary:quokkadb', ADMIN);
    expect(answer('glossary quokkadb')).toContain('Changed by Alice.');
  });

  it('with HIRE_ADMINS empty the author’s edit is live at once', async () => {
    await setUp();
    await submitQuestion(questionValues({}));
    await submitQuestion(edited, ALICE, `edit:questions:${QID}`);
    expect(JSON.stringify(lastAck())).toContain('Saved.');
    expect(answer(`questions ${QID}`)).toContain('A rollback switch');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('"Add to the glossary" and the add subcommands', () => {
  it('the button on a no-match answer opens the glossary form with the term', async () => {
    await setUp();
    const noMatch = deps.hire.answer('glossary zorblax', deps.knowledge.current());
    expect(JSON.stringify(noMatch.blocks)).toContain(HIRE_ACTIONS.addToGlossary);
    await createAddToGlossaryAction(deps)(
      boltArgs<ButtonArgs>(
        slack.payloads.blockAction({ actionId: HIRE_ACTIONS.addToGlossary, value: 'zorblax' }),
      ),
    );
    const [call] = slack.callsTo('views.open');
    expect(call?.outcome).toBe('ok');
    const view = JSON.stringify(call?.args.view);
    expect(view).toContain(GLOSSARY_ENTRY_VIEW);
    expect(view).toContain('"initial_value":"zorblax"');
  });

  it('/hire glossary add and /hire questions add open their forms; elsewhere they say Slack is needed', async () => {
    await setUp();
    await followUp('glossary add Zorblax', ALICE);
    await followUp('questions add', ALICE);
    const views = slack.callsTo('views.open').map((c) => JSON.stringify(c.args.view));
    expect(views[0]).toContain('"initial_value":"Zorblax"');
    expect(views[1]).toContain(QUESTION_ENTRY_VIEW);
    expect(answer('glossary add')).toContain('works only inside Slack');
    // `glossary` itself still answers lookups.
    expect(answer('glossary latency')).toContain('How long a system takes');
  });
});
