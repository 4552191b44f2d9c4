import type { HomeView, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { FeatureContext } from '../../kernel/feature.js';
import { buttonReply } from '../../kernel/hire-command/actions/button-value.js';
import { takePage } from '../../kernel/hire-command/parse-args.js';
import type { LookupRecord } from '../../kernel/hire-command/subcommand.js';
import type { HomeSection, HomeSectionOutput, HomeViewer } from '../../kernel/home-section.js';
import { buildAnswerResults, fitResults } from './blocks/build-home-results.js';
import { buildHomeTop } from './blocks/build-home-top.js';
import { type BuiltSection, buildHomeView } from './blocks/build-home-view.js';
import { buildSectionNotLoaded } from './blocks/build-section-not-loaded.js';
import { planHome } from './home-layout.js';
import type { HomeState } from './home-state.js';

/** What building a Home needs: the app's dependencies, /hire, and every feature's sections. */
export type HomeDeps = Pick<
  FeatureContext,
  | 'config'
  | 'logger'
  | 'knowledge'
  | 'teamLayer'
  | 'store'
  | 'clock'
  | 'events'
  | 'hire'
  | 'homeSections'
>;

/** A section that has not answered by then is shown as not loaded: the Home must go out. */
export const SECTION_DEADLINE_MS = 2_000;

export type AssembledHome = {
  view: HomeView;
  /** What the results area looked up, when it shows a lookup (for the team's view of misses). */
  lookup?: LookupRecord & { subcommand: string };
};

/** The words of a search the results area shows, to put back in the search box. */
function searchTextOf(state: HomeState): string | undefined {
  if (state.results?.kind !== 'command') return undefined;
  const match = /^(?:search|find)\s+(.+)$/i.exec(state.results.command);
  return match?.[1] === undefined ? undefined : takePage(match[1]).rest || undefined;
}

async function buildSection(
  section: HomeSection,
  input: Parameters<HomeSection['build']>[0],
  deps: HomeDeps,
  deadlineMs: number,
): Promise<BuiltSection> {
  const log = deps.logger.child({ component: 'home', section: section.id });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  let output: HomeSectionOutput | 'late';
  try {
    output = await Promise.race([section.build(input, deps), late]);
  } catch (error) {
    log.error({ err: error, user: input.viewer.userId }, 'home section failed');
    output = { blocks: buildSectionNotLoaded(), hasMore: false };
  } finally {
    clearTimeout(timer);
  }
  if (output === 'late') {
    log.warn({ user: input.viewer.userId }, 'home section too slow');
    output = { blocks: buildSectionNotLoaded(), hasMore: false };
  }
  if (output.blocks.length > input.maxBlocks) {
    log.warn({ blocks: output.blocks.length, max: input.maxBlocks }, 'home section over budget');
  }
  return {
    id: section.id,
    page: input.page,
    blocks: output.blocks.slice(0, Math.max(1, input.maxBlocks)),
    hasMore: output.hasMore,
  };
}

/**
 * Assembles one person's Home as it is now (the builders make the blocks): the top with the search box, the results area (a /hire
 * answer with working buttons), and every feature's section on the
 * page the state says, each within its share of the Home's blocks.
 */
export async function assembleHome(
  input: { viewer: HomeViewer; state: HomeState; client?: WebClient },
  deps: HomeDeps,
  options: { sectionDeadlineMs?: number } = {},
): Promise<AssembledHome> {
  const { viewer, state } = input;
  const snapshot = deps.knowledge.current();
  const top = buildHomeTop({
    levels: snapshot.knowledge.levels.levels,
    searchText: searchTextOf(state),
  });

  let results: KnownBlock[] = [];
  let lookup: AssembledHome['lookup'];
  if (state.results?.kind === 'command') {
    const command = state.results.command;
    const outcome = deps.hire.run(command, snapshot);
    const words = searchTextOf(state);
    const hits = words ? snapshot.lookup.search(words).flatMap((group) => group.hits) : [];
    results = buildAnswerResults(buttonReply(outcome, command), hits);
    if ('reply' in outcome && outcome.lookup) {
      const route = deps.hire.route(command);
      lookup = {
        subcommand: 'subcommand' in route ? route.subcommand.name : 'help',
        ...outcome.lookup,
      };
    }
  }

  const sections = deps.homeSections;
  const budget = planHome({
    topBlocks: top.length,
    resultsBlocks: results.length,
    sections: sections.length,
  });
  const built = await Promise.all(
    sections.map((section) =>
      buildSection(
        section,
        {
          viewer,
          page: state.pages[section.id] ?? 1,
          maxBlocks: budget.perSection,
          ...(input.client ? { client: input.client } : {}),
        },
        deps,
        options.sectionDeadlineMs ?? SECTION_DEADLINE_MS,
      ),
    ),
  );
  const view = buildHomeView({
    state,
    top,
    results: fitResults(results, budget.results),
    sections: built,
  });
  return { view, ...(lookup ? { lookup } : {}) };
}
