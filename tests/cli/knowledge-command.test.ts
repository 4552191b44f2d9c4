import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runKnowledgeCommand } from '../../src/cli/knowledge-command.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { teamEntries } from '../../src/kernel/knowledge/team-entries.js';
import { scratchProject, teamTerm, writeTeamFile } from '../knowledge/team-knowledge-support.js';

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
});
