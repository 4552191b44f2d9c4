import { z } from 'zod';

/** kebab-case identifier, stable across releases: buttons and stored data refer to it. */
export const entryId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id such as message-queue');

export const text = z.string().trim().min(1, 'must not be empty');
export const textList = z.array(text).min(1, 'needs at least one item');

export const LEVEL_IDS = ['junior', 'mid', 'senior', 'staff'] as const;
export const levelId = z.enum(LEVEL_IDS);
export type LevelId = z.infer<typeof levelId>;

/**
 * Where an entry comes from: `guide` — its facts are the hiring guide's (in our words);
 * `project` — the project's own addition beyond the guide; `team` — the hiring team's own
 * entry (knowledge/local files, later Slack), never written in the guide's files.
 */
export const ENTRY_SOURCES = ['guide', 'project', 'team'] as const;
export const entrySource = z.enum(ENTRY_SOURCES);
export type EntrySource = z.infer<typeof entrySource>;

/**
 * An entry's fields plus its provenance. `projectFields` names whole fields of a guide entry
 * whose content is the project's own (the guide gives the staff level only its card, so that
 * level's capability lists are ours), so an answer can tell the two apart.
 */
export function knowledgeEntry<const S extends z.ZodRawShape>(shape: S) {
  const fields = Object.keys(shape) as [Extract<keyof S, string>, ...Extract<keyof S, string>[]];
  return z
    .strictObject({
      ...shape,
      source: entrySource,
      projectFields: z.array(z.enum(fields)).min(1).optional(),
    })
    .refine(
      (entry) => {
        // Inside this generic function TypeScript cannot see the two fields added above.
        const { source, projectFields } = entry as { source: EntrySource; projectFields?: unknown };
        return projectFields === undefined || source === 'guide';
      },
      { path: ['projectFields'], message: 'is only for entries whose source is guide' },
    );
}
