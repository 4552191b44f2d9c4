import type { LoopbackSlack } from '../../../src/dev/loopback-slack/loopback-slack.js';

type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
type Block = {
  type?: string;
  block_id?: string;
  dispatch_action?: boolean;
  text?: { text?: string };
  elements?: Array<Element & { text?: string }>;
  accessory?: Element;
  element?: Element & { dispatch_action_config?: { trigger_actions_on?: string[] } };
};

/** The blocks of the Home last published for `userId` (empty when none). */
export const homeBlocks = (slack: LoopbackSlack, userId: string): Block[] =>
  (slack.homeOf(userId)?.view.blocks as Block[] | undefined) ?? [];

/** Everything a person reads in their Home, as one string. */
export const homeText = (slack: LoopbackSlack, userId: string): string =>
  JSON.stringify(homeBlocks(slack, userId));

/** Every button of the Home, in reading order (actions blocks and section accessories). */
export function homeButtons(slack: LoopbackSlack, userId: string): Element[] {
  return homeBlocks(slack, userId).flatMap((block) => {
    if (block.type === 'actions')
      return (block.elements ?? []).filter((e) => e.type === 'button') as Element[];
    return block.accessory?.type === 'button' ? [block.accessory] : [];
  });
}

/** The Home's button labelled `label` (the first one when several are). */
export function homeButton(slack: LoopbackSlack, userId: string, label: string | RegExp): Element {
  const found = homeButtons(slack, userId).find((b) =>
    typeof label === 'string' ? b.text?.text === label : label.test(b.text?.text ?? ''),
  );
  if (!found) throw new Error(`no button ${String(label)} in ${userId}'s Home`);
  return found;
}

/** The payload of pressing a button in the person's Home. */
export function pressInHome(slack: LoopbackSlack, userId: string, button: Element) {
  return slack.payloads.blockAction({
    actionId: button.action_id ?? '',
    ...(button.value === undefined ? {} : { value: button.value }),
    userId,
    inHome: true,
  });
}

/** The Home's search box, if it has one: an input that dispatches on Enter. */
export function searchBox(slack: LoopbackSlack, userId: string): Block | undefined {
  return homeBlocks(slack, userId).find(
    (b) =>
      b.type === 'input' &&
      b.dispatch_action === true &&
      b.element?.type === 'plain_text_input' &&
      (b.element.dispatch_action_config?.trigger_actions_on ?? []).includes('on_enter_pressed'),
  );
}
