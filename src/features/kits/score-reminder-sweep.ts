import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { buildScoreReminderMessage } from './blocks/build-kit-replies.js';
import type { DueScoreReminder, KitRepository } from './storage/kit-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention cutoff: kits and scorecards made before it are dropped (HIRE_RETENTION_DAYS). */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export type ScoreReminderSweep = {
  /** Interviewers found owing a scorecard. */
  due: number;
  /** Reminders this instance claimed and sent. */
  sent: number;
  /** Reminders another instance claimed first. */
  lost: number;
  /** Reminders this instance claimed but could not send (not retried: see claimScoreReminder). */
  failed: number;
};

/**
 * One pass of the "please score" reminders, for the scheduler's tick: find who owes a
 * scorecard, claim each reminder (exactly one instance wins it) and send the winners through
 * `send` (a direct message to `reminder.interviewer`). Safe to run on every instance at once.
 */
export async function sweepScoreReminders(deps: {
  kits: Pick<KitRepository, 'findDueScoreReminders' | 'claimScoreReminder' | 'getKit'>;
  now: Date;
  /** This instance's id, recorded with its claims. */
  owner: string;
  send: (reminder: DueScoreReminder, message: SlackMessage) => Promise<void>;
  onError?: (error: unknown, reminder: DueScoreReminder) => void;
  limit?: number;
  excludeTeams?: readonly string[];
}): Promise<ScoreReminderSweep> {
  const due = await deps.kits.findDueScoreReminders({
    now: deps.now,
    limit: deps.limit ?? 200,
    ...(deps.excludeTeams === undefined ? {} : { excludeTeams: deps.excludeTeams }),
  });
  const outcome: ScoreReminderSweep = { due: due.length, sent: 0, lost: 0, failed: 0 };
  for (const reminder of due) {
    const won = await deps.kits.claimScoreReminder({
      ...reminder,
      owner: deps.owner,
      now: deps.now,
    });
    if (!won) {
      outcome.lost += 1;
      continue;
    }
    try {
      const kit = await deps.kits.getKit(reminder.teamId, reminder.kitId);
      if (kit === undefined) throw new Error('the kit was erased after the reminder was found');
      await deps.send(reminder, buildScoreReminderMessage(kit, reminder.interviewEndsAt));
      outcome.sent += 1;
    } catch (error) {
      outcome.failed += 1;
      deps.onError?.(error, reminder);
    }
  }
  return outcome;
}
