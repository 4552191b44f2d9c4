import { describe, expect, it } from 'vitest';
import { buttonsOf, findButton } from '../../../src/dev/sandbox/buttons.js';
import { defaultValues, type ModalView, renderModal } from '../../../src/dev/sandbox/modal.js';

const blocks = [
  { type: 'section', text: { type: 'mrkdwn', text: 'Pick one' } },
  {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: 'hire_open',
        value: 'glossary kafka',
        text: { type: 'plain_text', text: 'Message Queue' },
      },
      {
        type: 'button',
        action_id: 'hire_open:2',
        value: 'glossary cache',
        text: { type: 'plain_text', text: 'Caching' },
      },
      {
        type: 'button',
        action_id: 'hire_share',
        value: 'glossary k',
        text: { type: 'plain_text', text: 'Share in channel' },
      },
    ],
  },
];

describe('sandbox buttons', () => {
  it('finds a button by number or by label, however it is typed', () => {
    const buttons = buttonsOf(blocks);
    expect(buttons.map((b) => b.label)).toEqual(['Message Queue', 'Caching', 'Share in channel']);
    expect(findButton(buttons, '2')?.actionId).toBe('hire_open:2');
    expect(findButton(buttons, '  share IN   channel ')?.actionId).toBe('hire_share');
    expect(findButton(buttons, '[ Caching ]')?.value).toBe('glossary cache');
    expect(findButton(buttons, '4')).toBeUndefined();
    expect(findButton(buttons, 'Cache')).toBeUndefined();
  });
});

describe('sandbox modals', () => {
  const view: ModalView = {
    type: 'modal',
    callback_id: 'flag_resume_modal',
    title: { type: 'plain_text', text: 'Flag resume' },
    submit: { type: 'plain_text', text: 'Save' },
    blocks: [
      {
        type: 'input',
        block_id: 'concerns',
        optional: true,
        label: { type: 'plain_text', text: 'Concerns' },
        element: {
          type: 'checkboxes',
          action_id: 'pick',
          options: [
            { text: { type: 'plain_text', text: 'No tests' }, value: 'no-tests' },
            { text: { type: 'plain_text', text: 'Vague' }, value: 'vague' },
          ],
          initial_options: [{ text: { type: 'plain_text', text: 'Vague' }, value: 'vague' }],
        },
      },
      {
        type: 'input',
        block_id: 'note',
        label: { type: 'plain_text', text: 'Note' },
        element: { type: 'plain_text_input', action_id: 'text' },
      },
    ],
  };

  it('renders inputs with their current values', () => {
    const text = renderModal(view);
    expect(text).toContain('[ ] No tests');
    expect(text).toContain('[x] Vague');
    expect(text).toContain('/submit = “Save”');
  });

  it('submits the defaults as Slack would, with typed text in the first text field', () => {
    expect(defaultValues(view)).toEqual({
      concerns: {
        pick: {
          type: 'checkboxes',
          selected_options: [{ text: { type: 'plain_text', text: 'Vague' }, value: 'vague' }],
        },
      },
      note: { text: { type: 'plain_text_input', value: null } },
    });
    expect(defaultValues(view, 'dig into testing').note).toEqual({
      text: { type: 'plain_text_input', value: 'dig into testing' },
    });
  });
});
