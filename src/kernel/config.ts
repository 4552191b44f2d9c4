import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOCAL_KNOWLEDGE_DIR, PROJECT_ROOT } from './knowledge/knowledge-paths.js';

/**
 * Where each setting lives in Slack's app settings, so that a start-up error can say where
 * to find the missing value.
 */
const WHERE = {
  SLACK_BOT_TOKEN: 'api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token',
  SLACK_APP_TOKEN:
    'api.slack.com/apps → your app → Basic Information → App-Level Tokens (scope connections:write)',
  SLACK_SIGNING_SECRET: 'api.slack.com/apps → your app → Basic Information → Signing Secret',
} as const;

const durationPattern = /^(\d+)\s*(ms|s|m|h)?$/;
const durationUnits = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Parses `90m`, `2h`, `7200s` or plain milliseconds. */
const duration = z
  .string()
  .trim()
  .regex(durationPattern, 'expected a duration such as 2h, 90m or 7200s')
  .transform((value) => {
    const [, amount, unit] = durationPattern.exec(value) ?? [];
    return Number(amount) * durationUnits[(unit ?? 'ms') as keyof typeof durationUnits];
  });

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * The team's own knowledge files; a relative path is taken from the project folder, so the
 * bot and `npm run hire` find the same folder wherever they are started from.
 */
const knowledgeLocalDir = optionalNonEmpty.transform((value) =>
  resolve(PROJECT_ROOT, value ?? DEFAULT_LOCAL_KNOWLEDGE_DIR),
);

/** HIRE_KNOWLEDGE_LOCAL alone, for tools (`npm run hire`) that need no Slack settings. */
export function knowledgeLocalDirFrom(env: Record<string, string | undefined>): string {
  return knowledgeLocalDir.parse(env.HIRE_KNOWLEDGE_LOCAL);
}

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^xoxb-/, `must start with xoxb- (${WHERE.SLACK_BOT_TOKEN})`)
        .optional(),
    ),
    SLACK_APP_TOKEN: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^xapp-/, `must start with xapp- (${WHERE.SLACK_APP_TOKEN})`)
        .optional(),
    ),
    SLACK_SIGNING_SECRET: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^[0-9a-f]{16,}$/i, `must be the hex string shown at ${WHERE.SLACK_SIGNING_SECRET}`)
        .optional(),
    ),
    SLACK_MODE: optionalNonEmpty.pipe(z.enum(['socket', 'http']).optional()),
    PORT: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a port number such as 3000')
        .transform(Number)
        .pipe(z.number().int().max(65_535))
        .default(3000),
    ),
    SLACK_API_URL: optionalNonEmpty.pipe(
      z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL ending in /api/' })
        .default('https://slack.com/api/'),
    ),
    LOG_LEVEL: optionalNonEmpty.pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    DATABASE_URL: optionalNonEmpty.pipe(
      z
        .string()
        .regex(
          /^(postgres(ql)?:\/\/|sqlite:|file:)/,
          'must be postgres://user@host/db, or sqlite:path/to/file.db',
        )
        .optional(),
    ),
    REMINDER_GRACE: optionalNonEmpty.pipe(duration.default(2 * 3_600_000)),
    REMINDER_LEASE: optionalNonEmpty.pipe(
      duration.pipe(z.number().min(1000, 'must be at least 1s (e.g. 5m)')).default(5 * 60_000),
    ),
    HIRE_RETENTION_DAYS: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a whole number of days, such as 180')
        .transform(Number)
        .pipe(
          z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days'),
        )
        .default(180),
    ),
    HIRE_KNOWLEDGE_LOCAL: knowledgeLocalDir,
    HEALTH_PORT: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a port number such as 8081')
        .transform(Number)
        .pipe(z.number().int().max(65_535))
        .optional(),
    ),
    HIRE_ALLOW_GUESTS: optionalNonEmpty.pipe(
      z
        .enum(['true', 'false'], { error: 'must be true or false' })
        .transform((value) => value === 'true')
        .default(false),
    ),
    HIRE_ADMINS: optionalNonEmpty.transform((value) =>
      (value ?? '')
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  })
  .superRefine((env, ctx) => {
    const anySlack = env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET;
    if (!anySlack) return; // no credentials at all: the local sandbox
    if (!env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: `is required (${WHERE.SLACK_BOT_TOKEN})`,
      });
    }
    const mode = env.SLACK_MODE ?? (env.SLACK_APP_TOKEN ? 'socket' : 'http');
    if (mode === 'socket' && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: `is required in Socket Mode (${WHERE.SLACK_APP_TOKEN})`,
      });
    }
    if (mode === 'http' && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: `is required in HTTP mode (${WHERE.SLACK_SIGNING_SECRET})`,
      });
    }
  });

/** Every environment variable the bot reads (tests prove .env.example and the README name each). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export const configSchema = envSchema.transform((env) => {
  const hasSlack = Boolean(env.SLACK_BOT_TOKEN);
  const mode = !hasSlack
    ? ('sandbox' as const)
    : (env.SLACK_MODE ?? (env.SLACK_APP_TOKEN ? ('socket' as const) : ('http' as const)));
  return {
    mode,
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl: env.SLACK_API_URL,
    },
    port: env.PORT,
    /** Socket Mode: where `/health` is served for container probes (off when unset). */
    healthPort: env.HEALTH_PORT,
    logLevel: env.LOG_LEVEL,
    // The sandbox keeps its own file, so that its make-believe channels and reminders never
    // end up in the database a real workspace later uses.
    databaseUrl:
      env.DATABASE_URL ??
      (mode === 'sandbox' ? 'sqlite:data/sandbox.db' : 'sqlite:data/hire-bot.db'),
    reminderGraceMs: env.REMINDER_GRACE,
    reminderLeaseMs: env.REMINDER_LEASE,
    hireAdmins: env.HIRE_ADMINS,
    /** Guests and people of other organisations may use the bot (off: the hiring team alone). */
    allowGuests: env.HIRE_ALLOW_GUESTS,
    /** Interview kits and scorecards older than this many days are dropped. */
    retentionDays: env.HIRE_RETENTION_DAYS,
    knowledgeLocalDir: env.HIRE_KNOWLEDGE_LOCAL,
  };
});

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment once at boot; the message names each bad variable and why. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) return { ok: true, config: result.data };
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  return {
    ok: false,
    message: `hire-bot cannot start: the configuration is not valid.\n${lines.join('\n')}\nSet these in the environment or in .env (see .env.example).`,
  };
}
