import type { InputBlock, KnownBlock } from '@slack/types';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import {
  actions,
  type ButtonSpec,
  context,
  header,
} from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { HOME_ACTIONS, HOME_SEARCH_BLOCK } from '../home-ids.js';

export type HomeTopInput = {
  /** The guide's levels, in order, for "questions by level". */
  levels: readonly { id: string; name: string }[];
  /** Words last searched, shown in the box again. */
  searchText?: string;
};

/** The search box: an input that sends its words when the person presses Enter. */
function searchBox(searchText: string | undefined): InputBlock {
  return {
    type: 'input',
    block_id: HOME_SEARCH_BLOCK,
    dispatch_action: true,
    label: { type: 'plain_text', text: 'Search the hiring guide' },
    hint: { type: 'plain_text', text: 'Press Enter to search. Results appear below.' },
    element: {
      type: 'plain_text_input',
      action_id: HOME_ACTIONS.search,
      placeholder: { type: 'plain_text', text: 'Kafka, system design, red flags…' },
      dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
      max_length: 500,
      ...(searchText ? { initial_value: truncate(searchText, 500) } : {}),
    },
  };
}

/** The top of every Home: a title, the search box, and quick ways into the guide. */
export function buildHomeTop(input: HomeTopInput): KnownBlock[] {
  const quick: ButtonSpec[] = [
    { label: 'Levels', actionId: HOME_ACTIONS.open, value: 'levels' },
    { label: 'Glossary A to Z', actionId: HOME_ACTIONS.open, value: 'glossary' },
    ...input.levels.map((level) => ({
      label: `${level.name} questions`,
      actionId: HOME_ACTIONS.open,
      value: `questions ${level.id}`,
    })),
    { label: 'Build an interview kit', actionId: HIRE_ACTIONS.buildKit, value: 'kit' },
  ];
  return [
    header('Your hiring desk'),
    context('The hiring guide at hand, and what you set up with hire-bot. Only you see this page.'),
    searchBox(input.searchText),
    ...actions(quick),
  ];
}
