import { stdSerializers } from 'pino';

/** What replaces a redacted value in a log line. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values never reach a log line, at any depth. Two families: credentials, and
 * what people typed, attached or the bot shows them (message text, files, blocks, modal
 * values, button values that carry /hire command text). Slack payloads nest these keys at varying depths
 * (`body.message.text`, `view.state.values`, `actions[0].value`), hence a walk, not pino's
 * fixed-depth path redaction.
 */
const SENSITIVE_KEYS = new Set(
  [
    // credentials
    'token',
    'bot_token',
    'botToken',
    'app_token',
    'appToken',
    'user_token',
    'userToken',
    'access_token',
    'signingSecret',
    'signing_secret',
    'client_secret',
    'clientSecret',
    'authorization',
    'cookie',
    'password',
    'x-slack-signature',
    // a response_url lets anyone holding it post to the channel for 30 minutes
    'response_url',
    // content
    'text',
    'blocks',
    'attachments',
    'values',
    'value',
    'initial_value',
    'private_metadata',
    // attached files (a message's `files`, files.info's `file`): names, titles and URLs that
    // may name the candidate
    'files',
    'file',
  ].map((key) => key.toLowerCase()),
);

/** Slack tokens look like `xoxb-…`, `xoxp-…`, `xapp-…`: scrubbed wherever they appear in text. */
const TOKEN_PATTERN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

/** Deeper than any Slack payload worth logging; stops runaway recursion. */
const MAX_DEPTH = 16;

export type Redactor = {
  /** Returns a copy of `value` with sensitive keys replaced and secrets scrubbed from strings. */
  redact(value: unknown): unknown;
  /** Scrubs token patterns and the known secret values from one string. */
  scrub(text: string): string;
};

/**
 * Builds a redactor. `secrets` are literal values (the configured tokens and signing secret)
 * removed from any string, so that even an error message quoting one cannot leak it.
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const literals = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);

  const scrub = (text: string): string => {
    let out = text.replace(TOKEN_PATTERN, '$1-[redacted]');
    for (const secret of literals) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  };

  const walk = (value: unknown, depth: number, ancestors: WeakSet<object>): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return '[too deep]';
    // `ancestors` holds the objects on the current path only, so a value shared by two
    // siblings is logged twice and only a true cycle is cut.
    if (ancestors.has(value)) return '[circular]';
    ancestors.add(value);
    try {
      if (value instanceof Error) return walk(stdSerializers.err(value), depth + 1, ancestors);
      if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, ancestors));
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) {
        out[key] = SENSITIVE_KEYS.has(key.toLowerCase())
          ? REDACTED
          : walk(inner, depth + 1, ancestors);
      }
      return out;
    } finally {
      ancestors.delete(value);
    }
  };

  return { redact: (value) => walk(value, 0, new WeakSet()), scrub };
}
