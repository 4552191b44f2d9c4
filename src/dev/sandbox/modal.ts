import { mrkdwnToText, type RenderOptions } from '../../cli/render-message.js';

type TextObject = { type?: string; text?: string };
type Option = { text?: TextObject; value?: string };
type InputElement = {
  type?: string;
  action_id?: string;
  initial_value?: string;
  initial_option?: Option;
  initial_options?: Option[];
  options?: Option[];
  placeholder?: TextObject;
};
type Block = {
  type?: string;
  block_id?: string;
  label?: TextObject;
  hint?: TextObject;
  optional?: boolean;
  element?: InputElement;
  text?: TextObject;
  fields?: TextObject[];
  elements?: TextObject[];
};
export type ModalView = {
  type?: string;
  callback_id?: string;
  title?: TextObject;
  submit?: TextObject;
  close?: TextObject;
  blocks?: Block[];
  private_metadata?: string;
};

const textWith =
  (options: RenderOptions) =>
  (t: TextObject | undefined): string =>
    t?.text === undefined ? '' : t.type === 'mrkdwn' ? mrkdwnToText(t.text, options) : t.text;

function renderInput(block: Block, textOf: (t: TextObject | undefined) => string): string[] {
  const element = block.element ?? {};
  const label = `${textOf(block.label)}${block.optional ? ' (optional)' : ''}`;
  const lines = [`▸ ${label}`];
  const initial = new Set((element.initial_options ?? []).map((o) => o.value));
  const chosen = element.initial_option?.value;
  switch (element.type) {
    case 'checkboxes':
      for (const option of element.options ?? [])
        lines.push(`    [${initial.has(option.value) ? 'x' : ' '}] ${textOf(option.text)}`);
      break;
    case 'radio_buttons':
    case 'static_select':
      for (const option of element.options ?? [])
        lines.push(`    (${option.value === chosen ? '•' : ' '}) ${textOf(option.text)}`);
      break;
    case 'plain_text_input':
      lines.push(
        `    ${element.initial_value ? `“${element.initial_value}”` : `(${textOf(element.placeholder) || 'empty'})`}`,
      );
      break;
    default:
      lines.push(`    (${element.type ?? 'input'})`);
  }
  if (block.hint) lines.push(`    ${textOf(block.hint)}`);
  return lines;
}

/** A modal as terminal text: title, its blocks, inputs with their current values. */
export function renderModal(view: ModalView, options: RenderOptions = {}): string {
  const textOf = textWith(options);
  const title = textOf(view.title) || 'Modal';
  const lines = [`┌─ ${title} ─`];
  for (const block of view.blocks ?? []) {
    switch (block.type) {
      case 'header':
      case 'section':
        lines.push(textOf(block.text), ...(block.fields ?? []).map(textOf));
        break;
      case 'context':
        lines.push((block.elements ?? []).map(textOf).filter(Boolean).join('  ·  '));
        break;
      case 'divider':
        lines.push('─'.repeat(40));
        break;
      case 'input':
        lines.push(...renderInput(block, textOf));
        break;
      case 'actions':
        break; // buttons are listed with their numbers by the caller
      default:
        lines.push(`(${block.type} block)`);
    }
  }
  const submit = view.submit ? `/submit = “${textOf(view.submit)}”, ` : '';
  lines.push(`└─ ${submit}/cancel = “${textOf(view.close) || 'Cancel'}”`);
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}

/**
 * `state.values` as Slack would send them if the person submitted the modal untouched, except
 * that `typed` (when given) goes into the first text input (`/submit <text>` in the sandbox).
 */
export function defaultValues(
  view: ModalView,
  typed?: string,
): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  let pendingText = typed?.trim() || undefined;
  for (const block of view.blocks ?? []) {
    const element = block.element;
    if (block.type !== 'input' || !block.block_id || !element?.action_id) continue;
    const withText = (o: Option) => ({ text: o.text, value: o.value });
    let value: Record<string, unknown>;
    switch (element.type) {
      case 'plain_text_input':
        value = { type: element.type, value: pendingText ?? element.initial_value ?? null };
        pendingText = undefined;
        break;
      case 'checkboxes':
        value = {
          type: element.type,
          selected_options: (element.initial_options ?? []).map(withText),
        };
        break;
      case 'radio_buttons':
      case 'static_select':
        value = {
          type: element.type,
          selected_option: element.initial_option ? withText(element.initial_option) : null,
        };
        break;
      default:
        value = { type: element.type };
    }
    values[block.block_id] = { [element.action_id]: value };
  }
  return values;
}
