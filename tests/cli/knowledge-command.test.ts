import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runKnowledgeCommand } from '../../src/cli/knowledge-command.js';
import { createTeamEntryRepository } from '../../src/features/team-knowledge/storage/team-entry-repository.js';
import {
  createLayeredKnowledgeSource,
  type SlackEntry,
} from '../../src/kernel/knowledge/layered-knowledge-source.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { teamEntries } from '../../src/kernel/knowledge/team-entries.js';
import { slackQuestion, slackTerm } from '../features/team-knowledge/support/team-fixtures.js';
import { scratchProject, teamTerm, writeTeamFile } from '../knowledge/team-knowledge-support.js';
import { openTestStore } from '../support/test-stores.js';

const options = (project: { dir: string; localDir: string }) => ({
  knowledgeDir: project.dir,
  localDir: project.localDir,
});

function withTeam() {
  const project = scratchProject();
  writeTeamFile(project.localDir, 'glossary.yml', {
    terms: [teamTerm('quokkabase'), teamTerm('wombat-queue')],
  });
  writeTeamFile(project.localDir, 'hiring-mistakes.yml', {
    mistakes: [{ id: 'rushing', name: 'Rushing', problem: 'Too fast.', instead: ['Slow down.'] }],
  });
  return project;
}

describe('knowledge check', () => {
  it('prints a one-line summary and exits 0 when everything is valid', () => {
    const result = runKnowledgeCommand(['check'], options(withTeam()));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ok: the guide's knowledge and 3 team entries from .+local \(glossary\.yml 2, hiring-mistakes\.yml 1\) are valid\n$/,
    );
    const alone = runKnowledgeCommand(['check'], options(scratchProject()));
    expect(alone.stdout).toMatch(/^ok: the guide's knowledge is valid; no team entries in .+\n$/);
  });

  it('exits 1 with the message when a team file is bad', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', { terms: [{ id: 'quokkabase', name: 'Q' }] });
    const result = runKnowledgeCommand(['check'], options(project));
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'hire: the knowledge is not valid:\nknowledge/local/glossary.yml: terms[0] (quokkabase): meaning is required\n',
    });
  });

  it('shows its usage for anything else', () => {
    for (const args of [[], ['chek'], ['check', 'now'], ['export', '--out']]) {
      const result = runKnowledgeCommand(args, options(scratchProject()));
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('usage: npm run hire -- knowledge check');
    }
  });
});

describe('knowledge export', () => {
  it('prints one YAML document per team file, each headed by its file name', () => {
    const project = withTeam();
    const result = runKnowledgeCommand(['export'], options(project));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# glossary\.yml: 2 team entries\n/);
    expect(result.stdout).toContain('---\n# hiring-mistakes.yml: 1 team entries\n');
    // Each document, saved as the file its header names, loads back to the same entries.
    const documents = result.stdout.split('---\n');
    expect(documents.map((doc) => loadAll(doc).length)).toEqual([1, 1]);
    const target = scratchProject();
    for (const doc of documents) {
      const file = /^# (\S+):/.exec(doc)?.[1];
      if (file === undefined) throw new Error(`no file header in ${doc}`);
      writeTeamFile(target.localDir, file, doc);
    }
    expect(teamEntries(loadKnowledge({ dir: target.dir, localDir: target.localDir }))).toEqual(
      teamEntries(loadKnowledge({ dir: project.dir, localDir: project.localDir })),
    );
  });

  it('writes the files into a folder with --out, and they load back unchanged', () => {
    const project = withTeam();
    const target = scratchProject();
    const result = runKnowledgeCommand(['export', '--out', target.localDir], options(project));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(target.localDir, 'glossary.yml')} (2)`);
    expect(readdirSync(target.localDir).sort()).toEqual(['glossary.yml', 'hiring-mistakes.yml']);
    expect(loadKnowledge({ dir: target.dir, localDir: target.localDir })).toEqual(
      loadKnowledge({ dir: project.dir, localDir: project.localDir }),
    );
    expect(readFileSync(join(target.localDir, 'glossary.yml'), 'utf8')).not.toContain('source');
  });

  it('includes the Slack-added entries, and the files load back to what the bot answers from', () => {
    const project = withTeam();
    const target = scratchProject();
    const slackEntries: SlackEntry[] = [
      {
        module: 'glossary',
        entry: slackTerm('quokka-db', { name: 'QuokkaDB', aliases: ['qdb'] }),
        addedBy: 'U0ALICE',
        addedAt: new Date('2026-03-02T09:00:00Z'),
      },
      {
        module: 'questions',
        entry: slackQuestion('team-shard'),
        addedBy: 'U0ALICE',
        addedAt: new Date('2026-03-02T09:00:00Z'),
      },
    ];
    const result = runKnowledgeCommand(['export', '--out', target.localDir], {
      ...options(project),
      slackEntries,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(target.localDir, 'glossary.yml')} (3)`);
    expect(result.stdout).toContain(
      `wrote ${join(target.localDir, 'interview-questions.yml')} (1)`,
    );
    const layered = createLayeredKnowledgeSource(loadKnowledge(project));
    layered.layer.set({ teamId: 'T1', revision: 1, entries: slackEntries });
    const answered = layered.source.current().knowledge;
    const reloaded = loadKnowledge({ dir: target.dir, localDir: target.localDir });
    expect(teamEntries(reloaded)).toEqual(teamEntries(answered));
    expect(reloaded.glossary.terms.find((t) => t.id === 'quokka-db')).toEqual(
      answered.glossary.terms.find((t) => t.id === 'quokka-db'),
    );
  });

  it('says so when there is nothing to export', () => {
    const result = runKnowledgeCommand(['export'], options(scratchProject()));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^hire: no team entries to export/);
  });
});

describe('npm run hire -- knowledge check (spawned, as a person runs it)', () => {
  const run = promisify(execFile);
  const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const CLI = join(process.cwd(), 'src', 'cli', 'hire-cli.ts');
  async function hire(args: string[], env: NodeJS.ProcessEnv) {
    try {
      const { stdout, stderr } = await run(TSX, [CLI, ...args], {
        env: { ...process.env, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('reads the team folder named by HIRE_KNOWLEDGE_LOCAL, exiting 0 or 1', async () => {
    const project = withTeam();
    const good = await hire(['knowledge', 'check'], { HIRE_KNOWLEDGE_LOCAL: project.localDir });
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split('\n')).toHaveLength(1);
    expect(good.stdout).toContain('3 team entries');
    writeTeamFile(project.localDir, 'glossary.yml', 'terms:\n  - id: half\n');
    const bad = await hire(['knowledge', 'check'], { HIRE_KNOWLEDGE_LOCAL: project.localDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `${join(project.localDir, 'glossary.yml')}: terms[0] (half): name is required`,
    );
  });

  it('knowledge export reads the live Slack-added entries from DATABASE_URL', async () => {
    const project = withTeam();
    const dir = mkdtempSync(join(tmpdir(), 'hire-cli-db-'));
    const databaseUrl = `sqlite:${join(dir, 'hire.db')}`;
    const store = await openTestStore(databaseUrl);
    const entries = createTeamEntryRepository(store);
    const now = new Date('2026-03-02T09:00:00Z');
    const base = { teamId: 'T0LOOPBACK', addedBy: 'U0ALICE', now };
    await entries.add({
      ...base,
      module: 'glossary',
      entry: slackTerm('quokka-db'),
      status: 'live',
    });
    await entries.add({
      ...base,
      module: 'glossary',
      entry: slackTerm('waiting'),
      status: 'pending',
    });
    await store.close();
    try {
      const out = await hire(['knowledge', 'export'], {
        HIRE_KNOWLEDGE_DIR: project.dir,
        HIRE_KNOWLEDGE_LOCAL: project.localDir,
        DATABASE_URL: databaseUrl,
      });
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/^# glossary\.yml: 3 team entries\n/);
      expect(out.stdout).toContain('id: quokka-db');
      expect(out.stdout).not.toContain('id: waiting');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
