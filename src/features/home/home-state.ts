import { z } from 'zod';

/** What the results area shows: the answer to a /hire command. */
const resultsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), command: z.string().trim().min(1).max(600) }),
]);

const sectionId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const page = z.number().int().min(1).max(1000);

/**
 * What one person's Home shows besides the data it reads: kept in the published view's
 * private_metadata (Slack's 3,000 chars; this stays far below), so that every action in the
 * Home and every reopening carries it back.
 */
export const homeStateSchema = z.object({
  v: z.literal(1),
  results: resultsSchema.optional(),
  /** The page each section is on (absent: 1). */
  pages: z
    .record(sectionId, page)
    .refine((pages) => Object.keys(pages).length <= 20, 'too many sections')
    .default({}),
});
export type HomeState = z.infer<typeof homeStateSchema>;

export const EMPTY_HOME_STATE: HomeState = { v: 1, pages: {} };

export const encodeHomeState = (state: HomeState): string => JSON.stringify(state);

/** The state a view carries; a fresh Home for anything missing, old or not ours. */
export function decodeHomeState(metadata: unknown): HomeState {
  if (typeof metadata !== 'string' || metadata === '') return EMPTY_HOME_STATE;
  try {
    const parsed = homeStateSchema.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data : EMPTY_HOME_STATE;
  } catch {
    return EMPTY_HOME_STATE;
  }
}

/** The state after a section moved to `to`; page 1 is not stored. */
export function withPage(state: HomeState, id: string, to: number): HomeState {
  const { [id]: _previous, ...others } = state.pages;
  return { ...state, pages: to <= 1 ? others : { ...others, [id]: to } };
}
