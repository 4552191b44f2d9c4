import type { KnowledgeSnapshot } from '../../kernel/knowledge/knowledge-source.js';
import { creditKey } from '../../kernel/knowledge/layered-knowledge-source.js';
import type { TeamEntryModule } from './team-entry.js';

export type TeamEntryLookup =
  /** An entry the team added in Slack and answered from now: it may be edited or removed there. */
  | { kind: 'slack'; id: string; name: string }
  /** An entry of the guide, the project or the team's files: changed only in the files. */
  | { kind: 'elsewhere'; name: string }
  /** Not answered from now; `id` is what the text names if it is id-shaped (maybe pending). */
  | { kind: 'none'; id?: string };

const ID_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The text as an entry id, when it could be one (`QuokkaDB` → `quokkadb`). */
const asId = (text: string): string | undefined => {
  const id = text.trim().toLowerCase();
  return ID_SHAPE.test(id) ? id : undefined;
};

/**
 * Which entry `text` names exactly — a term by its name, id or an alias; a question by its id
 * — and whether Slack added it (the snapshot's credits), as `glossary|questions edit` need.
 */
export function findTeamEntry(
  snapshot: KnowledgeSnapshot,
  module: TeamEntryModule,
  text: string,
): TeamEntryLookup {
  const id = asId(text);
  const none: TeamEntryLookup = id === undefined ? { kind: 'none' } : { kind: 'none', id };
  let found: { id: string; name: string } | undefined;
  if (module === 'glossary') {
    const term = snapshot.lookup.findTerm(text);
    if (term.kind === 'match' && term.match.exact && term.match.matchedBy !== 'product')
      found = { id: term.match.term.id, name: term.match.term.name };
  } else {
    const question = snapshot.knowledge.questions.questions.find((q) => q.id === id);
    if (question !== undefined) found = { id: question.id, name: question.prompt };
  }
  if (found === undefined) return none;
  return snapshot.credits?.has(creditKey(module, found.id))
    ? { kind: 'slack', ...found }
    : { kind: 'elsewhere', name: found.name };
}
