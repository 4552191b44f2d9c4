import { z } from 'zod';
import { entryId, text } from './common.js';

/**
 * A cue is a case-insensitive phrase matched on word boundaries, or a regular expression
 * written as /source/ (always applied case-insensitively).
 */
export const cueSchema = text.refine(
  (cue) => {
    if (!(cue.startsWith('/') && cue.endsWith('/') && cue.length > 2)) return true;
    try {
      new RegExp(cue.slice(1, -1), 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid /regular expression/' },
);

export const resumeFlagSchema = z.object({
  id: entryId,
  kind: z.enum(['green', 'yellow']),
  name: text,
  /** Why the flag matters to a hiring team, in a sentence. */
  why: text,
  /**
   * How the analysis decides:
   * - `present`: raised when any cue matches (evidence: the matched text);
   * - `absent`: raised when no cue matches;
   * - `present-without`: raised when a cue matches and no `unless` cue does.
   */
  rule: z.enum(['present', 'absent', 'present-without']),
  cues: z.array(cueSchema).min(1),
  unless: z.array(cueSchema).default([]),
  /** A question to ask the candidate about this flag. */
  ask: text,
});

export const resumeFlagsSchema = z.object({ flags: z.array(resumeFlagSchema).min(1) });

export type ResumeFlag = z.infer<typeof resumeFlagSchema>;
export type ResumeFlags = z.infer<typeof resumeFlagsSchema>;
