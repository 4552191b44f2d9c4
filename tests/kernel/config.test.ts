import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeLocalDirFrom, parseConfig } from '../../src/kernel/config.js';
import { PROJECT_ROOT } from '../../src/kernel/knowledge/knowledge-paths.js';

const ok = (env: Record<string, string>) => {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(result.message);
  return result.config;
};
const fail = (env: Record<string, string>) => {
  const result = parseConfig(env);
  if (result.ok) throw new Error('expected an invalid configuration');
  return result.message;
};

describe('parseConfig', () => {
  it('no Slack credentials at all: the sandbox, with defaults', () => {
    expect(ok({})).toMatchObject({
      mode: 'sandbox',
      port: 3000,
      logLevel: 'info',
      // The sandbox's own file: its make-believe data stays out of the real one.
      databaseUrl: 'sqlite:data/sandbox.db',
      reminderGraceMs: 7_200_000,
      hireAdmins: [],
      slack: { apiUrl: 'https://slack.com/api/' },
    });
  });

  it('an app token means Socket Mode; a signing secret alone means HTTP', () => {
    expect(ok({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({
      mode: 'socket',
      databaseUrl: 'sqlite:data/hire-bot.db',
    });
    expect(
      ok({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789', PORT: '0' }),
    ).toMatchObject({ mode: 'http', port: 0 });
  });

  it('reads durations and admin lists', () => {
    const config = ok({ REMINDER_GRACE: '90m', HIRE_ADMINS: 'U1, U2 U3' });
    expect(config.reminderGraceMs).toBe(90 * 60_000);
    expect(config.hireAdmins).toEqual(['U1', 'U2', 'U3']);
  });

  it('keeps interview kits and scorecards HIRE_RETENTION_DAYS days, 180 unless set', () => {
    expect(ok({}).retentionDays).toBe(180);
    expect(ok({ HIRE_RETENTION_DAYS: ' 30 ' }).retentionDays).toBe(30);
    for (const bad of ['0', '-5', '1.5', 'a year', '4000']) {
      expect(fail({ HIRE_RETENTION_DAYS: bad }), bad).toContain('HIRE_RETENTION_DAYS');
    }
  });

  it('finds the team’s knowledge folder in the project unless HIRE_KNOWLEDGE_LOCAL says otherwise', () => {
    expect(ok({}).knowledgeLocalDir).toBe(join(PROJECT_ROOT, 'knowledge', 'local'));
    expect(ok({ HIRE_KNOWLEDGE_LOCAL: ' team/terms ' }).knowledgeLocalDir).toBe(
      join(PROJECT_ROOT, 'team', 'terms'),
    );
    expect(ok({ HIRE_KNOWLEDGE_LOCAL: '/srv/hire/knowledge' }).knowledgeLocalDir).toBe(
      '/srv/hire/knowledge',
    );
    // The CLI reads the same variable without needing any Slack setting.
    expect(knowledgeLocalDirFrom({ HIRE_KNOWLEDGE_LOCAL: '' })).toBe(ok({}).knowledgeLocalDir);
  });

  it('names every bad variable and where to find the value in Slack', () => {
    const message = fail({ SLACK_MODE: 'sockets', LOG_LEVEL: 'loud' });
    expect(message).toContain('SLACK_MODE');
    expect(message).toContain('LOG_LEVEL');
    const missing = fail({ SLACK_APP_TOKEN: 'xapp-1' });
    expect(missing).toContain('SLACK_BOT_TOKEN: is required');
    expect(missing).toContain('OAuth & Permissions');
    expect(fail({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'http' })).toContain(
      'SLACK_SIGNING_SECRET: is required in HTTP mode',
    );
    expect(fail({ DATABASE_URL: 'mysql://x' })).toContain('DATABASE_URL');
  });
});
