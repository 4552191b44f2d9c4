/** A button the person in the sandbox can press, found in a message or a modal. */
export type SandboxButton = { label: string; actionId: string; value?: string };

type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
type Block = { type?: string; elements?: Element[]; accessory?: Element };

const toButton = (element: Element | undefined): SandboxButton[] =>
  element?.type === 'button' && element.action_id && element.text?.text
    ? [{ label: element.text.text, actionId: element.action_id, value: element.value }]
    : [];

/** Every button of a message's blocks, in reading order (actions blocks and accessories). */
export function buttonsOf(blocks: unknown[] | undefined): SandboxButton[] {
  return (blocks ?? []).flatMap((raw) => {
    const block = raw as Block;
    if (block.type === 'actions') return (block.elements ?? []).flatMap(toButton);
    if (block.type === 'section') return toButton(block.accessory);
    return [];
  });
}

const normalize = (text: string) =>
  text
    .trim()
    .replace(/^\[\s*(.*?)\s*\]$/, '$1')
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * The button a typed line means: its number as listed (`1`, `2`…) or its label, ignoring
 * case, spacing and the `[ ]` the terminal shows around it.
 */
export function findButton(buttons: SandboxButton[], typed: string): SandboxButton | undefined {
  const wanted = normalize(typed);
  if (/^\d+$/.test(wanted)) return buttons[Number(wanted) - 1];
  return buttons.find((button) => normalize(button.label) === wanted);
}

/** `  1 [ Share in channel ]   2 [ Another question ]`, the numbering findButton accepts. */
export function numberedButtons(buttons: SandboxButton[]): string {
  return buttons.map((button, i) => `${i + 1} [ ${button.label} ]`).join('   ');
}
