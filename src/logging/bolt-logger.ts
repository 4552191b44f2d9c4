import { type Logger as SlackLogger, LogLevel } from '@slack/logger';
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
 * Errors go under `err`, objects under `data`. A string that is a JSON object (Bolt logs
 * whole request bodies that way at debug level) is parsed so that the redactor can remove
 * the message text inside it instead of logging the raw string.
 */
function toPinoArgs(args: unknown[]): [Record<string, unknown>, string] {
  const words: string[] = [];
  const merged: Record<string, unknown> = {};
  const data: unknown[] = [];
  for (const arg of args) {
    if (arg instanceof Error) {
      merged.err = arg;
    } else if (typeof arg === 'string') {
      const parsed = parseJsonObject(arg);
      if (parsed === undefined) words.push(arg);
      else data.push(parsed);
    } else if (arg !== undefined) {
      data.push(arg);
    }
  }
  if (data.length === 1) merged.data = data[0];
  else if (data.length > 1) merged.data = data;
  return [merged, words.join(' ')];
}

function parseJsonObject(text: string): object | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
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
  const log = (method: Method) => (...args: unknown[]) => {
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
