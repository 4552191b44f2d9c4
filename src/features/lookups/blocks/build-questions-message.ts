import type { KnownBlock } from '@slack/types';
import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import { sourceTag } from '../../../kernel/hire-command/blocks/source-tag.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { EntryCredit } from '../../../kernel/knowledge/knowledge-source.js';
import { creditKey } from '../../../kernel/knowledge/layered-knowledge-source.js';
import type { InterviewQuestion } from '../../../kernel/knowledge/schemas/interview-questions-schema.js';
import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import { context, divider, sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, esc, escList } from '../../../kernel/slack/blocks/text.js';
import { LOOKUP_ACTIONS } from '../lookups-ids.js';

export type QuestionSetAnswer = {
  level?: Level;
  areaName?: string;
  questions: InterviewQuestion[];
  /** Display names of the areas by id. */
  areaNames: ReadonlyMap<string, string>;
  /** Which set this is and how many there are; the button moves to `nextCommand`. */
  set: number;
  setCount: number;
  total: number;
  nextCommand?: string;
  notice?: string;
  /** Who added each Slack-added entry, and when (the snapshot's credits). */
  credits?: ReadonlyMap<string, EntryCredit>;
};

/** Where the question came from; one added in Slack also says how to change it (its id). */
function sourceLine(question: InterviewQuestion, credit: EntryCredit | undefined): string {
  const tag = sourceTag(question, credit);
  return credit === undefined
    ? tag
    : `${tag} · its author or an admin can change it: ${code(`questions edit ${question.id}`)}`;
}

function questionBlocks(
  question: InterviewQuestion,
  n: number,
  answer: QuestionSetAnswer,
): KnownBlock[] {
  const { areaNames } = answer;
  const area = areaNames.get(question.area) ?? question.area;
  return [
    ...sections(
      [
        `*${n}. ${esc(question.prompt)}*`,
        `_${esc(area)} · ${question.levels.join(', ')}_`,
        sourceLine(question, answer.credits?.get(creditKey('questions', question.id))),
        `*Look for*\n${escList(question.lookFor)}`,
        `*Red flags*\n${escList(question.redFlags)}`,
        `*Follow-ups*\n${escList(question.followUps)}`,
      ].join('\n'),
    ),
    divider(),
  ];
}

/** A set of interview questions, each with what to look for, red flags and follow-ups. */
export function buildQuestionsMessage(answer: QuestionSetAnswer, delivery: Delivery): SlackMessage {
  const scope = [answer.level?.name, answer.areaName].filter((s) => s !== undefined).join(' · ');
  const title = scope === '' ? 'Interview question' : `Interview questions: ${scope}`;
  const items = answer.questions.map((q, i) => questionBlocks(q, i + 1, answer));
  if (answer.setCount > 1)
    items.push([
      context(`Set ${answer.set} of ${answer.setCount} · ${answer.total} questions in all`),
    ]);
  return buildHireMessage(
    {
      title,
      fallback: `${esc(title)}: ${answer.questions.map((q) => esc(q.prompt)).join(' | ')}`,
      notice: answer.notice,
      items,
      buttons:
        answer.nextCommand === undefined
          ? []
          : [
              {
                label: 'Another question',
                actionId: LOOKUP_ACTIONS.anotherQuestion,
                value: answer.nextCommand,
              },
            ],
    },
    delivery,
  );
}

/** The level was missing or not one we know: show the levels to choose from. */
export function buildChooseLevelMessage(
  levels: Level[],
  notice: string,
  delivery: Delivery,
): SlackMessage {
  return buildHireMessage(
    {
      title: 'Interview questions: pick a level',
      fallback: `${notice} Levels: ${levels.map((l) => esc(l.name)).join(', ')}.`,
      notice,
      items: [
        sections(
          [
            ...levels.map(
              (l) => `• *${esc(l.name)}* (${yearsText(l)}) — ${code(`questions ${l.id}`)}`,
            ),
            '',
            `Add an area to narrow it down: ${code('questions senior databases')}.`,
          ].join('\n'),
        ),
      ],
      buttons: levels.map((l) => ({
        label: l.name,
        actionId: HIRE_ACTIONS.open,
        value: `questions ${l.id}`,
      })),
    },
    delivery,
  );
}

export function yearsText(level: Level): string {
  const { min, max } = level.years;
  return max === undefined ? `${min}+ years` : `${min}–${max} years`;
}
