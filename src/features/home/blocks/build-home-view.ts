import type { HomeView, KnownBlock } from '@slack/types';
import { actions, context, divider } from '../../../kernel/slack/blocks/block-kit.js';
import { HOME_ACTIONS } from '../home-ids.js';
import { HOME_MAX_BLOCKS, HOME_MAX_BYTES } from '../home-layout.js';
import { encodeHomeState, type HomeState } from '../home-state.js';

/** One section as built for this Home, with the page it is on. */
export type BuiltSection = { id: string; page: number; blocks: KnownBlock[]; hasMore: boolean };

export type HomeParts = {
  state: HomeState;
  top: KnownBlock[];
  results: KnownBlock[];
  sections: BuiltSection[];
};

const TOO_LONG = 'This part is too long to show in the Home just now.';

/** A section between a divider and its paging buttons (value: `<section id> <page>`). */
function framed(section: BuiltSection): KnownBlock[] {
  if (section.blocks.length === 0) return [];
  const pages = [];
  if (section.page > 1)
    pages.push({
      label: 'Previous page',
      actionId: HOME_ACTIONS.page,
      value: `${section.id} ${section.page - 1}`,
    });
  if (section.hasMore)
    pages.push({
      label: 'Next page',
      actionId: HOME_ACTIONS.page,
      value: `${section.id} ${section.page + 1}`,
    });
  return [divider(), ...section.blocks, ...actions(pages)];
}

const bytes = (view: HomeView) => Buffer.byteLength(JSON.stringify(view), 'utf8');

/**
 * The Home view: the top, the results area, then each section framed and paged, with the
 * state in private_metadata. Within Slack's limits whatever the sections return: blocks past
 * 100 are not shown, and while the view is too large the largest section gives way to a note.
 */
export function buildHomeView(parts: HomeParts): HomeView {
  const sections = parts.sections.map((section) => ({ ...section }));
  const make = (): HomeView => ({
    type: 'home',
    private_metadata: encodeHomeState(parts.state),
    blocks: [...parts.top, ...parts.results, ...sections.flatMap(framed)].slice(0, HOME_MAX_BLOCKS),
  });
  let view = make();
  while (bytes(view) > HOME_MAX_BYTES) {
    const largest = sections
      .filter((s) => s.blocks.length > 1)
      .sort((a, b) => JSON.stringify(b.blocks).length - JSON.stringify(a.blocks).length)[0];
    if (largest === undefined) break;
    largest.blocks = [context(TOO_LONG)];
    largest.hasMore = false;
    view = make();
  }
  return view;
}
