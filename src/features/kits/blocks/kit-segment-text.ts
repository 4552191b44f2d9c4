import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { PlanQuestion, PlanSegment } from '../kit-plan.js';
import { clock, esc, escList, person } from './kit-text.js';

/** How much of each list a drawing shows: characters per item, items per list. */
export type Fit = { item: number; list: number };

const ALL = Number.POSITIVE_INFINITY;

/**
 * A kit is first drawn whole; when it would pass Slack's size limits the builders draw it
 * again with shorter items, then shorter lists. The guide's own questions always fit whole;
 * the later steps are for long team questions.
 */
export const FITS: readonly Fit[] = [
  { item: ALL, list: ALL },
  { item: 220, list: ALL },
  { item: 140, list: 8 },
  { item: 90, list: 5 },
  { item: 60, list: 3 },
];

const span = (start: number, end: number, minutes: number) =>
  `${clock(start)}–${clock(end)} (${minutes} min)`;

/** One question as mrkdwn: time slot, area, who asks it, the prompt and what to listen for. */
export function questionText(question: PlanQuestion, start: number, end: number, fit: Fit): string {
  const tags = [
    question.assignee === undefined ? undefined : `asked by ${person(question.assignee)}`,
    question.source === 'team' ? "_the team's question_" : undefined,
    question.borrowedFrom === undefined ? undefined : `_from the ${question.borrowedFrom} level_`,
  ].filter((t) => t !== undefined);
  return [
    `*${span(start, end, question.minutes)} · Q${question.number} · ${esc(question.areaName)}*${tags.length > 0 ? ` · ${tags.join(' · ')}` : ''}`,
    `>${esc(truncate(question.prompt, Math.max(fit.item * 2, 300))).replace(/\n/g, '\n>')}`,
    `*Look for*\n${escList(question.lookFor, fit.item, fit.list)}`,
    `*Red flags*\n${escList(question.redFlags, fit.item, fit.list)}`,
    `*Follow-up:* ${esc(truncate(question.followUp, fit.item))}`,
  ].join('\n');
}

/** A segment other than a question as mrkdwn. */
export function segmentText(
  segment: Exclude<PlanSegment, PlanQuestion>,
  start: number,
  end: number,
  fit: Fit,
): string {
  const time = span(start, end, segment.minutes);
  switch (segment.kind) {
    case 'opening':
      return `*${time} · Opening*\n${escList(segment.points, fit.item, fit.list)}`;
    case 'candidate-questions':
      return `*${time} · Their questions*\n${escList(segment.points, fit.item, fit.list)}`;
    case 'close': {
      const expectations = segment.expectations.map(
        (e) => `*${esc(e.name)}:* ${esc(truncate(e.expects, fit.item))}`,
      );
      return `*${time} · Close*\n${escList(segment.points, fit.item, fit.list)}${expectations.length > 0 ? `\n${expectations.map((e) => `    ◦ ${e}`).join('\n')}` : ''}`;
    }
  }
}
