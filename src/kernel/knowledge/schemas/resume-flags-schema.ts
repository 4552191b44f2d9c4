import { z } from 'zod';
import { entryId, knowledgeEntry, text } from './common.js';

/**
 * A cue is a case-insensitive phrase matched as whole words (spaces match any whitespace;
 * "C#" and ".NET" work), or a regular expression written as /source/ (always applied
 * case-insensitively, so write lookaheads when a word is also plain English, e.g. REST).
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

export const resumeFlagSchema = knowledgeEntry({
  id: entryId,
  kind: z.enum(['green', 'yellow']),
  /** Short label; also a checkbox option in the review modal, so at most 75 characters. */
  name: text.max(75),
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
  /**
   * Ids of flags that, when raised, keep this one from being raised ("generic backend
   * claims" stays quiet once a language or database is named). They must not have
   * `unlessFlags` themselves, so the analysis needs no ordering beyond two passes (the loader
   * checks both rules).
   */
  unlessFlags: z.array(entryId).default([]),
  /** A question to ask the candidate about this flag. */
  ask: text,
});

/** `unlessFlags` references are checked by the loader, after the team's flags are merged in. */
export const resumeFlagsSchema = z.strictObject({ flags: z.array(resumeFlagSchema).min(1) });

export type ResumeFlag = z.infer<typeof resumeFlagSchema>;
export type ResumeFlags = z.infer<typeof resumeFlagsSchema>;
