import type { KnowledgeSnapshot } from '../../kernel/knowledge/knowledge-source.js';
import { creditKey } from '../../kernel/knowledge/layered-knowledge-source.js';

export type TeamTermLookup =
  /** A term the team added in Slack: it may be edited or removed there. */
  | { kind: 'slack'; id: string; name: string }
  /** A term of the guide, the project or the team's files: changed only in the files. */
  | { kind: 'elsewhere'; name: string }
  | { kind: 'none' };

/** Which term `text` names exactly (its name, id or an alias), and whether Slack added it. */
export function findTeamTerm(snapshot: KnowledgeSnapshot, text: string): TeamTermLookup {
  const found = snapshot.lookup.findTerm(text);
  if (found.kind !== 'match' || !found.match.exact || found.match.matchedBy === 'product')
    return { kind: 'none' };
  const { term } = found.match;
  return snapshot.credits?.has(creditKey('glossary', term.id))
    ? { kind: 'slack', id: term.id, name: term.name }
    : { kind: 'elsewhere', name: term.name };
}
