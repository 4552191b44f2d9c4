/**
 * Block Kit limit checker: finds every place where a message or view breaks one of Slack's
 * published Block Kit limits (one constant each, below), so that a bug shows up in a unit test
 * instead of as `invalid_blocks` in front of a user. Pure: no I/O, never throws on odd input.
 */

/** One broken rule: where (a JSON pointer) and what. */
export type LimitViolation = { pointer: string; problem: string };

/** Slack rejects a message with more blocks than this. */
export const MAX_MESSAGE_BLOCKS = 50;
/** Modals and the Home tab may carry twice as many. */
export const MAX_VIEW_BLOCKS = 100;
/**
 * Our own rule: Slack truncates message `text` past 40,000 chars, but a notification that
 * long is useless, so we keep it under 4,000.
 */
export const MAX_MESSAGE_TEXT = 4000;
/**
 * Our own rule: Slack does not document the total size of a message's blocks but answers
 * `msg_blocks_too_long` near 13,000 serialized chars; we stay safely below.
 */
export const MAX_SERIALIZED_BLOCKS = 12_000;
/**
 * Slack's documented ceiling for a whole view (views.open / push / update / publish answer
 * `view_too_large` past 250 kB); counted as UTF-8 bytes of the view's JSON, reading kB as 1,000.
 */
export const MAX_VIEW_BYTES = 250_000;

const MAX_ID = 255;

type Ctx = {
  out: LimitViolation[];
  blockIds: Map<string, string>;
};

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function report(ctx: Ctx, pointer: string, problem: string): void {
  ctx.out.push({ pointer, problem });
}

/** Checks a plain string field; `min` applies only when the field is present or required. */
function checkString(
  ctx: Ctx,
  value: unknown,
  pointer: string,
  max: number,
  opts: { required?: boolean; min?: number } = {},
): void {
  if (value === undefined || value === null) {
    if (opts.required) report(ctx, pointer, 'required');
    return;
  }
  if (typeof value !== 'string') {
    report(ctx, pointer, `must be a string, got ${typeof value}`);
    return;
  }
  const min = opts.min ?? 0;
  if (value.length < min) report(ctx, pointer, `${value.length} chars < ${min}`);
  if (value.length > max) report(ctx, pointer, `${value.length} chars > ${max}`);
}

type TextRules = { max: number; required?: boolean; plainOnly?: boolean; min?: number };

/** Checks a text object (`{ type: 'plain_text' | 'mrkdwn', text }`). */
function checkText(ctx: Ctx, value: unknown, pointer: string, rules: TextRules): void {
  if (value === undefined || value === null) {
    if (rules.required) report(ctx, pointer, 'required');
    return;
  }
  if (!isRecord(value)) {
    report(ctx, pointer, 'must be a text object');
    return;
  }
  if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
    report(ctx, `${pointer}/type`, `must be "plain_text" or "mrkdwn", got ${String(value.type)}`);
  } else if (rules.plainOnly && value.type !== 'plain_text') {
    report(ctx, `${pointer}/type`, 'must be "plain_text"');
  }
  checkString(ctx, value.text, `${pointer}/text`, rules.max, {
    required: true,
    min: rules.min ?? 1,
  });
}

function checkCount(
  ctx: Ctx,
  value: unknown,
  pointer: string,
  noun: string,
  max: number,
  opts: { required?: boolean; min?: number } = {},
): unknown[] {
  if (value === undefined || value === null) {
    if (opts.required) report(ctx, pointer, 'required');
    return [];
  }
  if (!Array.isArray(value)) {
    report(ctx, pointer, 'must be an array');
    return [];
  }
  const min = opts.min ?? 0;
  if (value.length < min) report(ctx, pointer, `${value.length} ${noun} < ${min}`);
  if (value.length > max) report(ctx, pointer, `${value.length} ${noun} > ${max}`);
  return value;
}

function checkConfirm(ctx: Ctx, value: unknown, pointer: string): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    report(ctx, pointer, 'must be a confirm object');
    return;
  }
  checkText(ctx, value.title, `${pointer}/title`, { max: 100, required: true, plainOnly: true });
  checkText(ctx, value.text, `${pointer}/text`, { max: 300, required: true });
  checkText(ctx, value.confirm, `${pointer}/confirm`, { max: 30, required: true, plainOnly: true });
  checkText(ctx, value.deny, `${pointer}/deny`, { max: 30, required: true, plainOnly: true });
}

function checkOption(ctx: Ctx, value: unknown, pointer: string, plainOnly: boolean): void {
  if (!isRecord(value)) {
    report(ctx, pointer, 'must be an option object');
    return;
  }
  checkText(ctx, value.text, `${pointer}/text`, { max: 75, required: true, plainOnly });
  checkString(ctx, value.value, `${pointer}/value`, 75, { required: true, min: 1 });
  checkText(ctx, value.description, `${pointer}/description`, { max: 75, plainOnly });
  checkString(ctx, value.url, `${pointer}/url`, 3000);
}

function checkOptions(
  ctx: Ctx,
  value: unknown,
  pointer: string,
  max: number,
  opts: { required?: boolean; min?: number; plainOnly: boolean },
): void {
  const options = checkCount(ctx, value, pointer, 'options', max, opts);
  options.forEach((option, i) => {
    checkOption(ctx, option, `${pointer}/${i}`, opts.plainOnly);
  });
}

function checkInitialOptions(ctx: Ctx, element: Json, pointer: string, plainOnly: boolean): void {
  if (element.initial_option !== undefined) {
    checkOption(ctx, element.initial_option, `${pointer}/initial_option`, plainOnly);
  }
  if (element.initial_options !== undefined) {
    checkCount(ctx, element.initial_options, `${pointer}/initial_options`, 'options', 100).forEach(
      (option, i) => {
        checkOption(ctx, option, `${pointer}/initial_options/${i}`, plainOnly);
      },
    );
  }
}

const SELECT_TYPES = new Set([
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
]);

const OTHER_ELEMENT_TYPES = new Set([
  'datepicker',
  'timepicker',
  'datetimepicker',
  'email_text_input',
  'url_text_input',
  'number_input',
  'rich_text_input',
  'file_input',
  'workflow_button',
]);

/** Checks an interactive element (or an image element) and its action_id. */
function checkElement(ctx: Ctx, value: unknown, pointer: string, actionIds: Set<string>): void {
  if (!isRecord(value)) {
    report(ctx, pointer, 'must be an element object');
    return;
  }
  const type = value.type;
  if (type === 'image') {
    checkImageFields(ctx, value, pointer);
    return;
  }
  checkString(ctx, value.action_id, `${pointer}/action_id`, MAX_ID, { min: 1 });
  if (typeof value.action_id === 'string') {
    // Slack asks action_id to be unique within its block; another block may reuse it.
    if (actionIds.has(value.action_id)) {
      report(ctx, `${pointer}/action_id`, `duplicate action_id "${value.action_id}" in this block`);
    }
    actionIds.add(value.action_id);
  }
  checkConfirm(ctx, value.confirm, `${pointer}/confirm`);
  if (value.placeholder !== undefined) {
    checkText(ctx, value.placeholder, `${pointer}/placeholder`, { max: 150, plainOnly: true });
  }
  switch (type) {
    case 'button':
      checkText(ctx, value.text, `${pointer}/text`, { max: 75, required: true, plainOnly: true });
      checkString(ctx, value.value, `${pointer}/value`, 2000);
      checkString(ctx, value.url, `${pointer}/url`, 3000);
      if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') {
        report(ctx, `${pointer}/style`, 'must be "primary" or "danger"');
      }
      return;
    case 'overflow':
      checkOptions(ctx, value.options, `${pointer}/options`, 5, {
        required: true,
        min: 1,
        plainOnly: true,
      });
      return;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(ctx, value.options, `${pointer}/options`, 10, {
        required: true,
        min: 1,
        plainOnly: false,
      });
      checkInitialOptions(ctx, value, pointer, false);
      return;
    case 'plain_text_input':
      checkString(ctx, value.initial_value, `${pointer}/initial_value`, 3000);
      for (const key of ['min_length', 'max_length'] as const) {
        const n = value[key];
        if (n !== undefined && (typeof n !== 'number' || n < 0 || n > 3000)) {
          report(ctx, `${pointer}/${key}`, 'must be a number from 0 to 3000');
        }
      }
      return;
    default:
      if (typeof type === 'string' && SELECT_TYPES.has(type)) {
        if (type === 'static_select' || type === 'multi_static_select') {
          if (value.option_groups !== undefined)
            checkOptionGroups(ctx, value.option_groups, pointer);
          else {
            checkOptions(ctx, value.options, `${pointer}/options`, 100, {
              required: true,
              min: 1,
              plainOnly: true,
            });
          }
        }
        checkInitialOptions(ctx, value, pointer, true);
        return;
      }
      if (typeof type === 'string' && OTHER_ELEMENT_TYPES.has(type)) return;
      report(ctx, `${pointer}/type`, `unknown element type ${JSON.stringify(type)}`);
  }
}

function checkOptionGroups(ctx: Ctx, groups: unknown, pointer: string): void {
  checkCount(ctx, groups, `${pointer}/option_groups`, 'groups', 100).forEach((group, g) => {
    const gp = `${pointer}/option_groups/${g}`;
    if (!isRecord(group)) {
      report(ctx, gp, 'must be an option group');
      return;
    }
    checkText(ctx, group.label, `${gp}/label`, { max: 75, required: true, plainOnly: true });
    checkOptions(ctx, group.options, `${gp}/options`, 100, { required: true, plainOnly: true });
  });
}

function checkImageFields(ctx: Ctx, value: Json, pointer: string): void {
  const hasFile = value.slack_file !== undefined;
  checkString(ctx, value.image_url, `${pointer}/image_url`, 3000, { required: !hasFile, min: 1 });
  checkString(ctx, value.alt_text, `${pointer}/alt_text`, 2000, { required: true, min: 1 });
}

function checkBlockId(ctx: Ctx, block: Json, pointer: string): void {
  checkString(ctx, block.block_id, `${pointer}/block_id`, MAX_ID, { min: 1 });
  if (typeof block.block_id !== 'string') return;
  const firstAt = ctx.blockIds.get(block.block_id);
  if (firstAt !== undefined) {
    report(ctx, `${pointer}/block_id`, `duplicate block_id "${block.block_id}" (also ${firstAt})`);
  } else {
    ctx.blockIds.set(block.block_id, pointer);
  }
}

const PLAIN_BLOCKS = new Set(['divider', 'rich_text', 'video', 'file', 'markdown', 'table']);

function checkBlock(ctx: Ctx, block: unknown, pointer: string): { isInput: boolean } {
  if (!isRecord(block)) {
    report(ctx, pointer, 'must be a block object');
    return { isInput: false };
  }
  checkBlockId(ctx, block, pointer);
  const actionIds = new Set<string>();
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        report(ctx, `${pointer}/text`, 'required (a section needs text or fields)');
      }
      checkText(ctx, block.text, `${pointer}/text`, { max: 3000 });
      checkCount(ctx, block.fields, `${pointer}/fields`, 'fields', 10).forEach((field, i) => {
        checkText(ctx, field, `${pointer}/fields/${i}`, { max: 2000, required: true });
      });
      if (block.accessory !== undefined) {
        checkElement(ctx, block.accessory, `${pointer}/accessory`, actionIds);
      }
      break;
    }
    case 'header':
      checkText(ctx, block.text, `${pointer}/text`, { max: 150, required: true, plainOnly: true });
      break;
    case 'context':
      checkCount(ctx, block.elements, `${pointer}/elements`, 'elements', 10, {
        required: true,
        min: 1,
      }).forEach((element, i) => {
        const ep = `${pointer}/elements/${i}`;
        if (isRecord(element) && element.type === 'image') checkImageFields(ctx, element, ep);
        else checkText(ctx, element, ep, { max: 3000, required: true });
      });
      break;
    case 'actions':
      checkCount(ctx, block.elements, `${pointer}/elements`, 'elements', 25, {
        required: true,
        min: 1,
      }).forEach((element, i) => {
        checkElement(ctx, element, `${pointer}/elements/${i}`, actionIds);
      });
      break;
    case 'input':
      checkText(ctx, block.label, `${pointer}/label`, {
        max: 2000,
        required: true,
        plainOnly: true,
      });
      checkText(ctx, block.hint, `${pointer}/hint`, { max: 2000, plainOnly: true });
      if (block.element === undefined) report(ctx, `${pointer}/element`, 'required');
      else checkElement(ctx, block.element, `${pointer}/element`, actionIds);
      return { isInput: true };
    case 'image':
      checkImageFields(ctx, block, pointer);
      checkText(ctx, block.title, `${pointer}/title`, { max: 2000, plainOnly: true });
      break;
    default:
      if (typeof block.type !== 'string' || !PLAIN_BLOCKS.has(block.type)) {
        report(ctx, `${pointer}/type`, `unknown block type ${JSON.stringify(block.type)}`);
      }
  }
  return { isInput: false };
}

function checkBlocks(ctx: Ctx, blocks: unknown, max: number): { hasInput: boolean } {
  let hasInput = false;
  checkCount(ctx, blocks, '/blocks', 'blocks', max).forEach((block, i) => {
    if (checkBlock(ctx, block, `/blocks/${i}`).isInput) hasInput = true;
  });
  return { hasInput };
}

function newCtx(): Ctx {
  return { out: [], blockIds: new Map() };
}

/** Structured violations of a message (chat.postMessage, ack or respond body). */
export function findMessageViolations(message: {
  text?: unknown;
  blocks?: unknown;
}): LimitViolation[] {
  const ctx = newCtx();
  if (!isRecord(message)) return [{ pointer: '', problem: 'must be a message object' }];
  checkString(ctx, message.text, '/text', MAX_MESSAGE_TEXT);
  checkBlocks(ctx, message.blocks, MAX_MESSAGE_BLOCKS);
  if (Array.isArray(message.blocks)) {
    const size = JSON.stringify(message.blocks).length;
    if (size > MAX_SERIALIZED_BLOCKS) {
      report(ctx, '/blocks', `${size} serialized chars > ${MAX_SERIALIZED_BLOCKS}`);
    }
  }
  return ctx.out;
}

/** Structured violations of a modal or Home tab view. */
export function findViewViolations(view: unknown): LimitViolation[] {
  const ctx = newCtx();
  if (!isRecord(view)) return [{ pointer: '', problem: 'must be a view object' }];
  if (view.type !== 'modal' && view.type !== 'home') {
    report(ctx, '/type', `must be "modal" or "home", got ${JSON.stringify(view.type)}`);
  }
  if (view.blocks === undefined) report(ctx, '/blocks', 'required');
  const { hasInput } = checkBlocks(ctx, view.blocks, MAX_VIEW_BLOCKS);
  if (view.type === 'modal') {
    checkText(ctx, view.title, '/title', { max: 24, required: true, plainOnly: true });
    if (hasInput && view.submit === undefined) {
      report(ctx, '/submit', 'required (the view has an input block)');
    }
    checkText(ctx, view.submit, '/submit', { max: 24, plainOnly: true });
    checkText(ctx, view.close, '/close', { max: 24, plainOnly: true });
  }
  checkString(ctx, view.private_metadata, '/private_metadata', 3000);
  checkString(ctx, view.callback_id, '/callback_id', MAX_ID);
  checkString(ctx, view.external_id, '/external_id', MAX_ID);
  const bytes = viewBytes(view);
  if (bytes > MAX_VIEW_BYTES)
    report(ctx, '', `${bytes} bytes > ${MAX_VIEW_BYTES} (view_too_large)`);
  return ctx.out;
}

/** The size Slack measures a view by: UTF-8 bytes of its JSON. */
export function viewBytes(view: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(view) ?? '', 'utf8');
  } catch {
    return 0; // not JSON (e.g. a cycle): the other checks already say what is wrong
  }
}

function format(violations: LimitViolation[]): string[] {
  return violations.map((v) => `${v.pointer}: ${v.problem}`);
}

/**
 * Every limit a message breaks, as `pointer: problem` lines (empty = Slack accepts it).
 * Includes two rules of our own, stricter than Slack: text ≤ 4,000 and serialized blocks
 * ≤ 12,000 chars.
 */
export function checkMessageLimits(message: { text?: string; blocks?: unknown[] }): string[] {
  return format(findMessageViolations(message));
}

/** Every limit a modal or Home tab view breaks, as `pointer: problem` lines. */
export function checkViewLimits(view: unknown): string[] {
  return format(findViewViolations(view));
}
