import { LogLevel, type Logger as SlackLogger } from '@slack/logger';

/** A `@slack/logger` that keeps what it was told, to check a receiver's warnings and errors. */
export function recordingSlackLogger(): SlackLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...msgs: unknown[]) => {
      lines.push(`${level} ${msgs.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: () => {},
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
