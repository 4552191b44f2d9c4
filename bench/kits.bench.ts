/**
 * Interview kit figures: building a kit from `/hire kit …` text (parse + plan + Block Kit) on
 * the real knowledge, and the scorecard modal and listing built from stored kits.
 * Runnable alone: `npx tsx bench/kits.bench.ts`.
 *
 * Everything is pure and in memory, so it is timed in this process: each case one call at a
 * time with process.hrtime.bigint(), after enough warm-up rounds for V8 to have optimised the
 * code, as it has in a bot that has been running a while. The parser and its indexes are
 * built once, as the app does at start-up; that cost is reported on its own.
 *
 * A build takes a small fraction of a millisecond, so its wall-clock p99 is set by whatever
 * stops the process for a moment: garbage collection and, on a busy host, other processes
 * holding the cores. So the load average is printed, and beside each wall-clock figure the
 * CPU time the process spent on the same calls, which waiting for a core does not inflate.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildKitMessage } from '../src/features/kits/blocks/build-kit-message.js';
import { buildScorecardModal } from '../src/features/kits/blocks/build-scorecard-modal.js';
import { buildScorecardsListMessage } from '../src/features/kits/blocks/build-scorecards-list-message.js';
import { planQuestions } from '../src/features/kits/kit-plan.js';
import type { StoredKit, StoredScorecard } from '../src/features/kits/kit-records.js';
import { createKitCommandParser } from '../src/features/kits/parse-kit-command.js';
import { planKit } from '../src/features/kits/plan-kit.js';
import { scorecardVisibility } from '../src/features/kits/scorecard-access.js';
import { loadKnowledge } from '../src/kernel/knowledge/load-knowledge.js';

const ROUNDS = 300;
const WARM_UP_ROUNDS = 200;
const TARGET_MS = 2;

/** Short and long kits, chosen and balanced areas, typed levels and labels. */
const COMMANDS = [
  'senior',
  'senior 60 system design databases for Backend #42',
  'jr 30 api',
  '5+ years 90 trade offs, production scenarios and databases for Platform #7',
  'staff 90',
  'mid 45 code quality language for Payments backend',
  'staff 60 api design',
];
const PANEL = ['U0ALICE', 'U0BOB', 'U0CAROL'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(3)} ms`;
const verdict = (value: number, target: number) => (value < target ? 'ok' : 'OVER TARGET');

function elapsed(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

type Row = { p50: number; p99: number; cpuP50: number; cpuP99: number; n: number };

/**
 * Wall-clock time per call, and the process's CPU time over the same call: on a busy host
 * the two part ways (the process waits for a core), on a quiet one they agree.
 */
function timeAll(fns: (() => unknown)[]): Row {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const fn of fns) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const fn of fns) {
      const cpuStart = process.cpuUsage();
      wall.push(elapsed(fn));
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(wall, 50),
    p99: percentile(wall, 99),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
    n: wall.length,
  };
}

const describeRow = (label: string, row: Row, target?: number) =>
  `${label}: p50 ${ms(row.p50)}  p99 ${ms(row.p99)}  (n=${row.n})${target === undefined ? '' : `  target p99 < ${target} ms  ${verdict(row.p99, target)}`}\n  CPU time per call: p50 ${ms(row.cpuP50)}  p99 ${ms(row.cpuP99)}${target === undefined ? '' : `  ${verdict(row.cpuP99, target)}`}`;

export async function run(): Promise<void> {
  const knowledge = loadKnowledge();
  let parser = createKitCommandParser(knowledge.questions, knowledge.levels);
  const parserMs = elapsed(() => {
    parser = createKitCommandParser(knowledge.questions, knowledge.levels);
  });

  let seed = 0;
  const buildKit = (text: string, panel: string[]) => () => {
    const parsed = parser.parse(text, `bench${seed++ % 1000}`);
    if (!parsed.ok) throw new Error(`bench command refused: ${text}`);
    const planned = planKit({ ...parsed.request, panel }, knowledge);
    if (!planned.ok) throw new Error(`no plan for: ${text}`);
    return buildKitMessage(
      { plan: planned.plan, panel, candidateLabel: parsed.request.candidateLabel, id: 'x' },
      panel.length > 0 ? 'channel' : 'private',
    );
  };
  const kitRow = timeAll([
    ...COMMANDS.map((c) => buildKit(c, [])),
    ...COMMANDS.map((c) => buildKit(c, PANEL)),
  ]);

  // Stored kits with a full panel of scorecards, as `/hire scorecards` and the modal read them.
  const kits: StoredKit[] = COMMANDS.slice(0, 4).map((text, i) => {
    const parsed = parser.parse(text, `stored${i}`);
    if (!parsed.ok) throw new Error('refused');
    const planned = planKit({ ...parsed.request, panel: PANEL }, knowledge);
    if (!planned.ok) throw new Error('no plan');
    return {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      teamId: 'T0BENCH',
      createdBy: 'U0MANAGER',
      candidateLabel: 'Backend #42',
      plan: planned.plan,
      destination: { kind: 'private' },
      panel: PANEL,
      createdAt: new Date(Date.UTC(2026, 2, 2 + i)),
    };
  });
  const scorecards: StoredScorecard[] = kits.flatMap((kit) =>
    PANEL.map((interviewer) => {
      const qs = planQuestions(kit.plan);
      return {
        id: `${kit.id}-${interviewer}`,
        kitId: kit.id,
        teamId: kit.teamId,
        candidateLabel: 'Backend #42',
        interviewer,
        ratings: Object.fromEntries(qs.map((q) => [q.questionId, 'yes' as const])),
        tickedPoints: Object.fromEntries(qs.map((q) => [q.questionId, [0, 1]])),
        redFlags: {},
        recommendation: 'strong-yes' as const,
        note: 'Reasoned well about trade-offs and said what they would measure first.',
        createdAt: kit.createdAt,
      };
    }),
  );
  const modalRow = timeAll(kits.map((kit) => () => buildScorecardModal({ ...kit }, 'U0BOB')));
  const listRow = timeAll([
    () =>
      buildScorecardsListMessage({
        label: 'Backend #42',
        kits,
        visibility: scorecardVisibility({ viewer: 'U0ALICE', kits, scorecards, admins: [] }),
        mayDelete: true,
      }),
  ]);

  console.log('\n## Interview kits');
  console.log(
    `host load average (1 min): ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores; figures above 1 per core include contention`,
  );
  console.log(`parser and area index, built once at start-up: ${ms(parserMs)}`);
  console.log(
    describeRow(
      `build a kit (parse + plan + Block Kit), ${COMMANDS.length * 2} commands`,
      kitRow,
      TARGET_MS,
    ),
  );
  console.log(describeRow('scorecard modal from a stored kit', modalRow));
  console.log(
    describeRow('/hire scorecards listing (4 kits x 3 scorecards, visibility included)', listRow),
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
