import type { ModalView } from '@slack/types';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import { buildGlossaryEntryModal, buildQuestionEntryModal } from './blocks/build-entry-modals.js';
import type { EntryIntent } from './entry-metadata.js';
import type { ModuleEntry, TeamEntryModule } from './team-entry.js';

/** The longest term a button or `/hire glossary add` pre-fills (the name input's limit). */
export const MAX_PREFILLED_TERM = 80;

/** The modal that adds to (or edits an entry of) a module, its choices from the knowledge. */
export function entryModal(options: {
  module: TeamEntryModule;
  intent: EntryIntent;
  knowledge: Knowledge;
  needsApproval: boolean;
  /** The entry being edited, or a term's name to start from. */
  entry?: ModuleEntry;
  name?: string;
}): ModalView {
  const { intent, needsApproval, knowledge, entry } = options;
  if (options.module === 'glossary') {
    const term =
      entry?.module === 'glossary'
        ? entry.entry
        : options.name
          ? { name: options.name.slice(0, MAX_PREFILLED_TERM) }
          : undefined;
    return buildGlossaryEntryModal({ intent, needsApproval, ...(term ? { term } : {}) });
  }
  return buildQuestionEntryModal({
    intent,
    needsApproval,
    areas: knowledge.questions.areas,
    levelNames: new Map(knowledge.levels.levels.map((l) => [l.id, l.name])),
    ...(entry?.module === 'questions' ? { question: entry.entry } : {}),
  });
}
