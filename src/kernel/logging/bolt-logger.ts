import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from 'pino';

const SLACK_LEVEL_OF: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

type Method = 'debug' | 'info' | 'warn' | 'error';

/**
 * Turns Bolt's `console`-style arguments into one pino call: strings become the message,
 * Errors go under `err`, objects under `data`. Bolt and its clients log whole payloads at
 * debug level as JSON inside strings (`Received a message on the WebSocket: {…}`,
 * `ack() call begins (body: {…})`): that JSON is parsed out of the string so that the
 * redactor removes the message text inside it, instead of logging the raw string.
 */
function toPinoArgs(args: unknown[]): [Record<string, unknown>, string] {
  const words: string[] = [];
  const merged: Record<string, unknown> = {};
  const data: unknown[] = [];
  for (const arg of args) {
    if (arg instanceof Error) {
      merged.err = arg;
    } else if (typeof arg === 'string') {
      const split = splitEmbeddedJson(arg);
      if (split.words !== '') words.push(split.words);
      if (split.data !== undefined) data.push(split.data);
    } else if (arg !== undefined) {
      data.push(arg);
    }
  }
  if (data.length === 1) merged.data = data[0];
  else if (data.length > 1) merged.data = data;
  return [merged, words.join(' ')];
}

/** Shown instead of JSON that could not be parsed (e.g. cut off): it may hold message text. */
export const UNPARSED_PAYLOAD = '[payload not shown]';

/** Separates a JSON object or array embedded in a log string from the words around it. */
export function splitEmbeddedJson(text: string): { words: string; data?: unknown } {
  const start = text.search(/[{[]/);
  if (start === -1) return { words: text };
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  const candidate = end > start ? text.slice(start, end + 1) : text.slice(start);
  try {
    const data: unknown = JSON.parse(candidate);
    if (typeof data === 'object' && data !== null) {
      const words = `${text.slice(0, start)}${end > start ? text.slice(end + 1) : ''}`.trim();
      return { words, data };
    }
  } catch {
    // Not JSON after all, or cut off: judged below.
  }
  // Something JSON-like that did not parse may still carry keys and text: keep only the prefix.
  if (/"[^"]*"\s*:/.test(candidate)) {
    return { words: `${text.slice(0, start)}${UNPARSED_PAYLOAD}`.trim() };
  }
  return { words: text };
}

/**
 * `@slack/logger`'s interface over pino, handed to Bolt (which shares it with its WebClient
 * and Socket Mode client). Bolt's parts call `setLevel` and `setName` on this one shared
 * object as they start, each with its own idea; honouring them would let a library override
 * LOG_LEVEL and mislabel every line, so the level stays the one pino was built with and the
 * name is fixed to `slack`.
 */
export function createBoltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'slack' });
  const log =
    (method: Method) =>
    (...args: unknown[]) => {
      if (!child.isLevelEnabled(method)) return;
      const [merged, message] = toPinoArgs(args);
      child[method](merged, message);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: () => {},
    getLevel: () => SLACK_LEVEL_OF[child.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
