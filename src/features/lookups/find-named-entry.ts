import type { AnswerContext } from '../../kernel/hire-command/subcommand.js';
import type { EntryKind } from '../../kernel/knowledge/search/knowledge-lookup.js';

/**
 * The entry of `kind` that the user's words name. `missed` is true when words were given but
 * named nothing, so the answer can say so above the full list.
 */
export function findNamedEntry(
  ctx: AnswerContext,
  kind: EntryKind,
  text: string | undefined,
): { id: string | undefined; missed: boolean } {
  if (text === undefined) return { id: undefined, missed: false };
  const id = ctx.lookup.findEntry(kind, text);
  return { id, missed: id === undefined };
}
