import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  SectionBlock,
} from '@slack/types';
import { truncate } from './escape-mrkdwn.js';

/** Block Kit limits the builders design around (Slack's published limits for each element). */
export const LIMITS = {
  sectionText: 3000,
  field: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
} as const;

/**
 * A header. Titles come from the knowledge and are short; the ellipsis makes any cut visible
 * and the full title is always repeated in the body or the fallback text.
 */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText) } };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** Splits `text` into pieces of at most `max` chars, preferring line breaks, then spaces. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never split an escape such as &amp; in two.
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}

/** Short mrkdwn as one section; anything past the limit is cut with a visible ellipsis. */
export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

/** mrkdwn text as one section, or several when it is longer than a section may hold. */
export function sections(mrkdwn: string): SectionBlock[] {
  return splitText(mrkdwn, LIMITS.sectionText).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

/** Short mrkdwn facts side by side, ten per section. */
export function fieldSections(fields: string[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + LIMITS.fieldsPerSection).map((text) => ({
        type: 'mrkdwn',
        text: truncate(text, LIMITS.field),
      })),
    });
  }
  return blocks;
}

export function context(...mrkdwn: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) })),
  };
}

export type ButtonSpec = {
  label: string;
  actionId: string;
  /** A /hire command text the action handlers pass back to answerHire. */
  value: string;
  style?: 'primary' | 'danger';
};

function button(spec: ButtonSpec, actionId: string): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(spec.label, LIMITS.buttonText), emoji: true },
    value: spec.value,
    ...(spec.style === undefined ? {} : { style: spec.style }),
  };
}

/**
 * Buttons in rows of at most 25. Buttons whose value would not fit are left out: every value is
 * a command built from the knowledge or a parsed (length-checked) command, so this is a guard,
 * not a path that real content takes. Repeated action_ids get a suffix (see ACTION_PATTERNS).
 */
export function actions(specs: ButtonSpec[]): ActionsBlock[] {
  const usable = specs.filter((spec) => spec.value.length <= LIMITS.buttonValue);
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < usable.length; i += LIMITS.actionsElements) {
    const seen = new Map<string, number>();
    const elements = usable.slice(i, i + LIMITS.actionsElements).map((spec) => {
      const n = (seen.get(spec.actionId) ?? 0) + 1;
      seen.set(spec.actionId, n);
      return button(spec, n === 1 ? spec.actionId : `${spec.actionId}:${n}`);
    });
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

/** A bulleted mrkdwn list; items must already be escaped. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}
