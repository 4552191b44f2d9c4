import { expectedScorers, type StoredKit, type StoredScorecard } from './kit-records.js';

/**
 * Who may do what with kits and scorecards. Pure: the caller passes the records and the
 * admins (HIRE_ADMINS); nothing here reads the store or Slack.
 */

export type ScorecardVisibility = {
  /** The scorecards the viewer may read: their own always, the others' per the rules below. */
  visible: StoredScorecard[];
  /** How many scorecards exist that the viewer may not read (yet). */
  hidden: number;
  /**
   * Why some are hidden: `submit-first` — the viewer owes a scorecard for this candidate;
   * `not-involved` — the viewer is neither on a panel, nor a kit's creator, nor an admin.
   */
  reason?: 'submit-first' | 'not-involved';
  /** Kits of this candidate the viewer is expected to score and has not. */
  pendingKitIds: string[];
};

/**
 * Independence: interviewers must not be swayed by each other's scores, so a viewer who owes a
 * scorecard for this candidate (on a kit's panel, or the creator of a kit without a panel, and
 * not yet submitted) sees only their own, whoever they are, admins included.
 *
 * Once they owe nothing, these see every scorecard of the candidate:
 * - anyone who interviews the candidate (on a panel, or has scored one of their kits);
 * - the creator of one of the candidate's kits, when not on its panel — typically the hiring
 *   manager who built the kit for the panel: they do not score, so reading early biases no
 *   one, and following feedback as it arrives is their job;
 * - admins.
 * Anyone else sees none: scorecards are read by the people hiring this candidate, not the
 * whole workspace.
 */
export function scorecardVisibility(input: {
  viewer: string;
  kits: readonly StoredKit[];
  scorecards: readonly StoredScorecard[];
  admins: readonly string[];
}): ScorecardVisibility {
  const { viewer, kits, scorecards } = input;
  const scoredKits = new Set(
    scorecards.filter((s) => s.interviewer === viewer).map((s) => s.kitId),
  );
  const pendingKitIds = kits
    .filter((kit) => expectedScorers(kit).includes(viewer) && !scoredKits.has(kit.id))
    .map((kit) => kit.id);
  const own = scorecards.filter((s) => s.interviewer === viewer);
  const hiddenCount = scorecards.length - own.length;

  if (pendingKitIds.length > 0) {
    return {
      visible: own,
      hidden: hiddenCount,
      ...(hiddenCount > 0 ? { reason: 'submit-first' as const } : {}),
      pendingKitIds,
    };
  }
  const involved =
    input.admins.includes(viewer) ||
    own.length > 0 ||
    kits.some((kit) => kit.createdBy === viewer || kit.panel.includes(viewer));
  if (involved) return { visible: [...scorecards], hidden: 0, pendingKitIds };
  return {
    visible: [],
    hidden: scorecards.length,
    ...(scorecards.length > 0 ? { reason: 'not-involved' as const } : {}),
    pendingKitIds,
  };
}

/**
 * Who may score a kit: its panel when it has one (the button may be seen by a whole channel);
 * anyone who was shown the kit when it has none.
 */
export function mayScore(kit: Pick<StoredKit, 'panel'>, user: string): boolean {
  return kit.panel.length === 0 || kit.panel.includes(user);
}

/**
 * Who may erase a candidate's kits and scorecards: an admin, or the creator of one of the
 * candidate's kits (they brought the candidate's label into the bot). Nobody may when there is
 * nothing to erase, so the answer never tells a stranger that a label exists.
 */
export function mayDeleteCandidate(input: {
  user: string;
  kits: readonly Pick<StoredKit, 'createdBy'>[];
  admins: readonly string[];
}): boolean {
  if (input.kits.length === 0) return false;
  return input.admins.includes(input.user) || input.kits.some((k) => k.createdBy === input.user);
}
