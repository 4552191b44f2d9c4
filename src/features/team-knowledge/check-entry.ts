import { checkKnowledge } from '../../kernel/knowledge/check-knowledge.js';
import type { KnowledgeProblem, Origins } from '../../kernel/knowledge/knowledge-error.js';
import { slackTeamEntries } from '../../kernel/knowledge/layered-knowledge-source.js';
import { mergeTeamEntries } from '../../kernel/knowledge/merge-team-entries.js';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import type { FieldErrors } from './entry-form.js';
import type { ModuleEntry } from './team-entry.js';
import { GLOSSARY_INPUTS } from './team-knowledge-ids.js';

const ORIGIN = 'form';
const COLLISION = /^(\w+)(?:\[\d+\])? "(.*)" collides with \w+(?:\[\d+\])? "(.*)" of (\S+)/;

/** Which input a label of a term sits in: the name (and the id made of it), or the aliases. */
const inputOf = (field: string) =>
  field === 'aliases' ? GLOSSARY_INPUTS.aliases : GLOSSARY_INPUTS.name;

/**
 * What stops `candidate` from joining the knowledge: a name or alias that another entry
 * already answers to (the kernel's label check, on the knowledge with the candidate merged in,
 * as a team file would be). An entry with the candidate's id is replaced, so an edit does not
 * collide with itself. Empty when the entry may be stored.
 */
export function entryCollisions(knowledge: Knowledge, candidate: ModuleEntry): FieldErrors {
  const origins: Origins = new Map([[candidate.entry, { file: ORIGIN, entry: '' }]]);
  const problems: KnowledgeProblem[] = [];
  const entries = [{ ...candidate, addedBy: '', addedAt: new Date(0) }];
  const merged = mergeTeamEntries(knowledge, slackTeamEntries(entries), origins, problems);
  problems.push(...checkKnowledge(merged, origins));
  const errors: FieldErrors = {};
  const names = new Map(knowledge.glossary.terms.map((t) => [t.id, t.name]));
  for (const problem of problems) {
    if (problem.file !== ORIGIN) continue;
    const detail = problem.message.slice(`${ORIGIN}: `.length);
    const match = COLLISION.exec(detail);
    if (match === null) {
      errors[GLOSSARY_INPUTS.name.blockId] ??= 'This entry does not fit the glossary.';
      continue;
    }
    const [, field = 'name', text = '', , owner = ''] = match;
    const ownerName = names.get(owner) ?? owner;
    errors[inputOf(field).blockId] ??=
      `“${text}” is already a name of ${ownerName}. Look it up with /hire glossary ${ownerName}, or use another name.`;
  }
  return errors;
}
