import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fromDbTime, toDbTime } from '../../../kernel/database/db-time.js';
import type { Store } from '../../../kernel/database/store.js';
import { kitPlanSchema } from '../kit-plan.js';
import {
  type DeletedCounts,
  expectedScorers,
  type NewKit,
  type NewScorecard,
  newKitSchema,
  newScorecardSchema,
  type StoredKit,
  type StoredScorecard,
} from '../kit-records.js';
import { candidateKey, type KitDestination, kitDestination, slackUserId } from '../kit-request.js';
import { rating } from '../scorecard.js';
import type { KitsTable, KitTables, ScorecardsTable } from './kit-tables.js';

/** An interview ends this long before its interviewers are reminded to score it. */
export const SCORE_REMINDER_AFTER_MS = 2 * 60 * 60 * 1000;
/** Interviews that ended longer ago than this get no reminder (after an outage, say). */
export const SCORE_REMINDER_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

export type SaveScorecardResult =
  | { saved: true; scorecard: StoredScorecard }
  /** The interviewer already scored this kit: the first scorecard stands, unchanged. */
  | { saved: false; reason: 'already-scored'; existing: StoredScorecard }
  | { saved: false; reason: 'no-kit' };

export type CandidateRecords = { kits: StoredKit[]; scorecards: StoredScorecard[] };

/** An interviewer who owes a scorecard for a kit whose interview ended a while ago. */
export type DueScoreReminder = {
  kitId: string;
  teamId: string;
  interviewer: string;
  candidateLabel?: string;
  interviewEndsAt: Date;
};

export type ScoreReminderClaim = {
  kitId: string;
  teamId: string;
  interviewer: string;
  /** Instance id of the claimer. */
  owner: string;
  now: Date;
};

const panelJson = z.array(slackUserId);
const ratingsJson = z.record(z.string(), rating);
const indexesJson = z.record(z.string(), z.array(z.number().int().min(0)));

function destinationColumns(destination: KitDestination) {
  return {
    destination: destination.kind,
    channel_id: destination.kind === 'private' ? null : destination.channelId,
    thread_ts: destination.kind === 'thread' ? destination.threadTs : null,
  };
}

function toDestination(row: KitsTable): KitDestination {
  if (row.destination === 'thread' && row.channel_id && row.thread_ts) {
    return { kind: 'thread', channelId: row.channel_id, threadTs: row.thread_ts };
  }
  if (row.destination === 'channel' && row.channel_id) {
    return { kind: 'channel', channelId: row.channel_id };
  }
  return { kind: 'private' };
}

function toKit(row: KitsTable): StoredKit {
  return {
    id: row.id,
    teamId: row.team_id,
    createdBy: row.created_by,
    ...(row.candidate_label === null ? {} : { candidateLabel: row.candidate_label }),
    plan: kitPlanSchema.parse(JSON.parse(row.plan)),
    destination: toDestination(row),
    ...(row.interview_at === null ? {} : { interviewAt: fromDbTime(row.interview_at) }),
    panel: panelJson.parse(JSON.parse(row.panel)),
    createdAt: fromDbTime(row.created_at),
  };
}

function toScorecard(row: ScorecardsTable): StoredScorecard {
  return {
    id: row.id,
    kitId: row.kit_id,
    teamId: row.team_id,
    ...(row.candidate_label === null ? {} : { candidateLabel: row.candidate_label }),
    interviewer: row.interviewer,
    ratings: ratingsJson.parse(JSON.parse(row.ratings)),
    tickedPoints: indexesJson.parse(JSON.parse(row.ticked_points)),
    redFlags: indexesJson.parse(JSON.parse(row.red_flags)),
    recommendation: rating.parse(row.recommendation),
    ...(row.note === null ? {} : { note: row.note }),
    createdAt: fromDbTime(row.created_at),
  };
}

/** Drivers report affected rows as bigint (SQLite) or number (PostgreSQL). */
const count = (result: { numDeletedRows?: bigint } | undefined) =>
  Number(result?.numDeletedRows ?? 0);

/**
 * Kits, scorecards and "please score" claims. Every read is scoped to one Slack team; the
 * retention sweep and the reminder sweep run for all teams, as the scheduler does.
 */
export function createKitRepository(store: Pick<Store, 'db'>) {
  const db = store.db.withTables<KitTables>();
  const kitRow = (teamId: string, kitId: string) =>
    db
      .selectFrom('kits')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('id', '=', kitId)
      .executeTakeFirst();

  return {
    /** Validates and stores a kit; resolves once it is committed. */
    async saveKit(input: NewKit): Promise<StoredKit> {
      const kit = newKitSchema.parse(input);
      const endsAt =
        kit.interviewAt === undefined
          ? null
          : toDbTime(new Date(kit.interviewAt.getTime() + kit.plan.minutes * 60_000));
      const row: KitsTable = {
        id: randomUUID(),
        team_id: kit.teamId,
        created_by: kit.createdBy,
        candidate_label: kit.candidateLabel ?? null,
        candidate_key: kit.candidateLabel === undefined ? null : candidateKey(kit.candidateLabel),
        level: kit.plan.level,
        minutes: kit.plan.minutes,
        plan: JSON.stringify(kit.plan),
        ...destinationColumns(kit.destination),
        interview_at: kit.interviewAt === undefined ? null : toDbTime(kit.interviewAt),
        interview_ends_at: endsAt,
        panel: JSON.stringify(kit.panel),
        seed: kit.plan.seed,
        created_at: toDbTime(kit.createdAt),
      };
      await db.insertInto('kits').values(row).execute();
      return toKit(row);
    },

    /** The team's kit with this id; undefined for another team's kit or an unknown id. */
    async getKit(teamId: string, kitId: string): Promise<StoredKit | undefined> {
      if (!z.uuid().safeParse(kitId).success) return undefined;
      const row = await kitRow(teamId, kitId);
      return row === undefined ? undefined : toKit(row);
    },

    /**
     * Where the kit went after all: a thread once its parent message is posted, or private
     * when the channel refused it. Only the destination changes.
     */
    async setDestination(teamId: string, kitId: string, destination: KitDestination) {
      await db
        .updateTable('kits')
        .set(destinationColumns(kitDestination.parse(destination)))
        .where('team_id', '=', teamId)
        .where('id', '=', kitId)
        .execute();
    },

    /**
     * Kits waiting for this user's scorecard, newest first: those whose panel holds them, and
     * those they built without a panel for a candidate (a label or an interview time; a kit
     * built without either is a look at the questions, not an interview).
     */
    async awaitingScore(
      teamId: string,
      userId: string,
      page: { offset: number; limit: number },
    ): Promise<StoredKit[]> {
      // The id goes into a LIKE pattern: a Slack id holds no wildcard, but check it first.
      if (!slackUserId.safeParse(userId).success) return [];
      const rows = await db
        .selectFrom('kits')
        .selectAll()
        .where('team_id', '=', teamId)
        .where((eb) =>
          eb.or([
            eb('panel', 'like', `%"${userId}"%`),
            eb.and([
              eb('created_by', '=', userId),
              eb('panel', '=', '[]'),
              eb.or([eb('candidate_key', 'is not', null), eb('interview_at', 'is not', null)]),
            ]),
          ]),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('scorecards')
                .select('scorecards.id')
                .whereRef('scorecards.kit_id', '=', 'kits.id')
                .where('scorecards.interviewer', '=', userId),
            ),
          ),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(1, Math.min(page.limit, 100)))
        .offset(Math.max(0, page.offset))
        .execute();
      return rows.map(toKit);
    },

    /**
     * Stores an interviewer's scorecard for a kit of their team. A second submission by the
     * same interviewer is refused and the first one stands: by then they may have read the
     * others' scorecards, and an edited score would no longer be an independent one.
     */
    async saveScorecard(input: NewScorecard): Promise<SaveScorecardResult> {
      const card = newScorecardSchema.parse(input);
      const kit = await kitRow(card.teamId, card.kitId);
      if (kit === undefined) return { saved: false, reason: 'no-kit' };
      const row: ScorecardsTable = {
        id: randomUUID(),
        kit_id: kit.id,
        team_id: kit.team_id,
        candidate_label: kit.candidate_label,
        candidate_key: kit.candidate_key,
        interviewer: card.interviewer,
        ratings: JSON.stringify(card.ratings),
        ticked_points: JSON.stringify(card.tickedPoints),
        red_flags: JSON.stringify(card.redFlags),
        recommendation: card.recommendation,
        note: card.note ?? null,
        created_at: toDbTime(card.createdAt),
      };
      // The unique (kit, interviewer) key decides, so two submissions racing on two
      // instances still leave exactly one scorecard.
      const inserted = await db
        .insertInto('scorecards')
        .values(row)
        .onConflict((oc) => oc.columns(['kit_id', 'interviewer']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) return { saved: true, scorecard: toScorecard(inserted) };
      const existing = await db
        .selectFrom('scorecards')
        .selectAll()
        .where('team_id', '=', kit.team_id)
        .where('kit_id', '=', kit.id)
        .where('interviewer', '=', card.interviewer)
        .executeTakeFirstOrThrow();
      return { saved: false, reason: 'already-scored', existing: toScorecard(existing) };
    },

    /** The kit's scorecards, oldest first. */
    async scorecardsForKit(teamId: string, kitId: string): Promise<StoredScorecard[]> {
      const rows = await db
        .selectFrom('scorecards')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('kit_id', '=', kitId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toScorecard);
    },

    /** Every kit made for the label in the team, newest first, and their scorecards. */
    async listForCandidate(teamId: string, label: string): Promise<CandidateRecords> {
      const key = candidateKey(label);
      const kits = await db
        .selectFrom('kits')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('candidate_key', '=', key)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      const scorecards = await db
        .selectFrom('scorecards')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('candidate_key', '=', key)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return { kits: kits.map(toKit), scorecards: scorecards.map(toScorecard) };
    },

    /**
     * Erases everything stored for the label in the team: kits, scorecards and reminder
     * claims, in one transaction. Who may do it is decided before (mayDeleteCandidate).
     */
    async deleteCandidate(teamId: string, label: string): Promise<DeletedCounts> {
      const key = candidateKey(label);
      return db.transaction().execute(async (trx) => {
        const kitIds = trx
          .selectFrom('kits')
          .select('id')
          .where('team_id', '=', teamId)
          .where('candidate_key', '=', key);
        await trx
          .deleteFrom('scorecard_reminders')
          .where('team_id', '=', teamId)
          .where('kit_id', 'in', kitIds)
          .execute();
        const scorecards = await trx
          .deleteFrom('scorecards')
          .where('team_id', '=', teamId)
          .where('candidate_key', '=', key)
          .executeTakeFirst();
        const kits = await trx
          .deleteFrom('kits')
          .where('team_id', '=', teamId)
          .where('candidate_key', '=', key)
          .executeTakeFirst();
        return { kits: count(kits), scorecards: count(scorecards) };
      });
    },

    /**
     * Retention: drops scorecards made before `cutoff`, kits made before it (with any
     * scorecards and reminder claims still attached to them), for every team.
     */
    async dropOlderThan(cutoff: Date): Promise<DeletedCounts> {
      const before = toDbTime(cutoff);
      return db.transaction().execute(async (trx) => {
        const oldKits = trx.selectFrom('kits').select('id').where('created_at', '<', before);
        await trx.deleteFrom('scorecard_reminders').where('kit_id', 'in', oldKits).execute();
        const scorecards = await trx
          .deleteFrom('scorecards')
          .where((eb) => eb.or([eb('created_at', '<', before), eb('kit_id', 'in', oldKits)]))
          .executeTakeFirst();
        const kits = await trx
          .deleteFrom('kits')
          .where('created_at', '<', before)
          .executeTakeFirst();
        return { kits: count(kits), scorecards: count(scorecards) };
      });
    },

    /**
     * Interviewers owing a scorecard: the interview (its time plus the kit's minutes) ended
     * more than `afterMs` ago but less than `lookbackMs` ago, they have not scored, and nobody
     * claimed their reminder yet. The panel, or the creator of a kit without one.
     */
    async findDueScoreReminders(options: {
      now: Date;
      limit: number;
      afterMs?: number;
      lookbackMs?: number;
      excludeTeams?: readonly string[];
    }): Promise<DueScoreReminder[]> {
      const { now } = options;
      const endedBefore = toDbTime(
        new Date(now.getTime() - (options.afterMs ?? SCORE_REMINDER_AFTER_MS)),
      );
      const endedAfter = toDbTime(
        new Date(now.getTime() - (options.lookbackMs ?? SCORE_REMINDER_LOOKBACK_MS)),
      );
      let query = db
        .selectFrom('kits')
        .selectAll()
        .where('interview_ends_at', 'is not', null)
        .where('interview_ends_at', '<=', endedBefore)
        .where('interview_ends_at', '>=', endedAfter);
      const excluded = options.excludeTeams ?? [];
      if (excluded.length > 0) query = query.where('team_id', 'not in', [...excluded]);
      const kits = await query.orderBy('interview_ends_at').orderBy('id').execute();
      if (kits.length === 0) return [];

      const due: DueScoreReminder[] = [];
      // A window of a week holds few kits; reading their scorers in slices keeps each
      // statement's parameter list short on both back-ends.
      for (let i = 0; i < kits.length && due.length < options.limit; i += 200) {
        const slice = kits.slice(i, i + 200);
        const ids = slice.map((k) => k.id);
        const scored = await db
          .selectFrom('scorecards')
          .select(['kit_id', 'interviewer'])
          .where('kit_id', 'in', ids)
          .execute();
        const claimed = await db
          .selectFrom('scorecard_reminders')
          .select(['kit_id', 'interviewer'])
          .where('kit_id', 'in', ids)
          .execute();
        const done = new Set([...scored, ...claimed].map((r) => `${r.kit_id}|${r.interviewer}`));
        for (const row of slice) {
          const scorers = expectedScorers({
            panel: panelJson.parse(JSON.parse(row.panel)),
            createdBy: row.created_by,
          });
          for (const interviewer of scorers) {
            if (done.has(`${row.id}|${interviewer}`) || due.length >= options.limit) continue;
            due.push({
              kitId: row.id,
              teamId: row.team_id,
              interviewer,
              ...(row.candidate_label === null ? {} : { candidateLabel: row.candidate_label }),
              interviewEndsAt: fromDbTime(row.interview_ends_at ?? ''),
            });
          }
        }
      }
      return due;
    },

    /**
     * Claims one reminder. The insert is the claim: the primary key lets exactly one caller
     * win, however many instances try; true when this caller won and should send it. A
     * reminder whose sender dies after claiming is not sent again: a missed nudge is better
     * than two.
     */
    async claimScoreReminder(claim: ScoreReminderClaim): Promise<boolean> {
      const inserted = await db
        .insertInto('scorecard_reminders')
        .values({
          kit_id: claim.kitId,
          interviewer: claim.interviewer,
          team_id: claim.teamId,
          claimed_by: claim.owner,
          claimed_at: toDbTime(claim.now),
        })
        .onConflict((oc) => oc.columns(['kit_id', 'interviewer']).doNothing())
        .returning('kit_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
  };
}

export type KitRepository = ReturnType<typeof createKitRepository>;
