/**
 * `npm run hire -- knowledge check`: validates the guide's knowledge and the team's files
 * without starting the bot (exit 0 with a one-line summary, 1 with the problem).
 * `npm run hire -- knowledge export [--out <folder>]`: prints the team's entries as the YAML
 * files of a team folder, or writes them into <folder>; they load back unchanged.
 * Anything else prints the usage and exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../kernel/knowledge/knowledge-paths.js';
import {
  createLayeredKnowledgeSource,
  type SlackEntry,
} from '../kernel/knowledge/layered-knowledge-source.js';
import { KnowledgeError, loadKnowledge } from '../kernel/knowledge/load-knowledge.js';
import type { Knowledge } from '../kernel/knowledge/schemas/knowledge-modules.js';
import { renderTeamFiles, teamEntries } from '../kernel/knowledge/team-entries.js';
import type { CliResult } from './cli-result.js';

export type KnowledgeCommandOptions = {
  /** The guide's modules; default: the project's knowledge/ folder. */
  knowledgeDir?: string;
  /** The team's folder (HIRE_KNOWLEDGE_LOCAL, resolved); absent: the guide's knowledge alone. */
  localDir?: string;
  /** The team's Slack-added live entries (read from DATABASE_URL); exported with the files'. */
  slackEntries?: readonly SlackEntry[];
};

const USAGE =
  'usage: npm run hire -- knowledge check\n       npm run hire -- knowledge export [--out <folder>]\n';

/** A folder as people know it: relative to the project when inside it. */
function shown(path: string | undefined): string {
  if (path === undefined) return '(no team folder given)';
  const rel = relative(PROJECT_ROOT, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function load(options: KnowledgeCommandOptions): Knowledge | CliResult {
  try {
    return loadKnowledge({ dir: options.knowledgeDir, localDir: options.localDir });
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return { code: 1, stdout: '', stderr: `hire: the knowledge is not valid:\n${error.message}\n` };
  }
}

const isResult = (value: Knowledge | CliResult): value is CliResult => 'code' in value;

function check(options: KnowledgeCommandOptions): CliResult {
  const knowledge = load(options);
  if (isResult(knowledge)) return knowledge;
  const files = renderTeamFiles(teamEntries(knowledge));
  const folder = shown(options.localDir);
  const total = files.reduce((n, f) => n + f.entries, 0);
  const summary =
    total === 0
      ? `ok: the guide's knowledge is valid; no team entries in ${folder}`
      : `ok: the guide's knowledge and ${total} team ${total === 1 ? 'entry' : 'entries'} from ${folder} (${files.map((f) => `${f.file} ${f.entries}`).join(', ')}) are valid`;
  return { code: 0, stdout: `${summary}\n`, stderr: '' };
}

function exportTeam(args: readonly string[], options: KnowledgeCommandOptions): CliResult {
  const [flag, out, ...extra] = args;
  if (flag !== undefined && (flag !== '--out' || out === undefined || extra.length > 0))
    return { code: 1, stdout: '', stderr: USAGE };
  const loaded = load(options);
  if (isResult(loaded)) return loaded;
  // Slack's entries layered on the files' as the bot answers from them (colliding ones left out).
  const layered = createLayeredKnowledgeSource(loaded);
  const { dropped } = layered.layer.set({
    teamId: 'export',
    revision: 1,
    entries: options.slackEntries ?? [],
  });
  const knowledge = layered.source.current().knowledge;
  const skipped =
    dropped.length === 0
      ? ''
      : `hire: left out ${dropped.length} Slack-added entries that collide: ${dropped.join(', ')}\n`;
  const files = renderTeamFiles(teamEntries(knowledge));
  if (files.length === 0) {
    const stderr = `hire: no team entries to export (${shown(options.localDir)})\n`;
    return { code: 0, stdout: '', stderr };
  }
  if (out === undefined) {
    // One YAML document per file, each headed by the file it belongs in.
    const documents = files.map((f) => `# ${f.file}: ${f.entries} team entries\n${f.yaml}`);
    return { code: 0, stdout: documents.join('---\n'), stderr: skipped };
  }
  try {
    mkdirSync(out, { recursive: true });
    for (const { file, yaml } of files) writeFileSync(join(out, file), yaml);
  } catch (error) {
    return {
      code: 1,
      stdout: '',
      stderr: `hire: cannot write to ${out}: ${(error as Error).message}\n`,
    };
  }
  const lines = files.map((f) => `wrote ${join(out, f.file)} (${f.entries})`);
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: skipped };
}

export function runKnowledgeCommand(
  args: readonly string[],
  options: KnowledgeCommandOptions,
): CliResult {
  const [action, ...rest] = args;
  if (action === 'check' && rest.length === 0) return check(options);
  if (action === 'export') return exportTeam(rest, options);
  return { code: 1, stdout: '', stderr: USAGE };
}
