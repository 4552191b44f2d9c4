import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { createRedactor } from './redact.js';

export type { Logger };

export type CreateLoggerOptions = {
  level: LevelWithSilent;
  /** Human-readable lines (pino-pretty) instead of JSON; by default when stdout is a terminal. */
  pretty?: boolean;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
  /** File descriptor when no destination is given: 1 (stdout, default) or 2 (the sandbox). */
  fd?: 1 | 2;
  /** Literal secret values (tokens, signing secret) to scrub from every string. */
  secrets?: readonly (string | undefined)[];
};

/**
 * The app's one logger: JSON lines in production, pretty in a terminal. Every merged object
 * goes through the redactor (credentials and message text removed at any depth), and every
 * message string is scrubbed of token-shaped text and the configured secrets.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const redactor = createRedactor(options.secrets);
  const fd = options.fd ?? 1;
  const usePretty = options.pretty ?? (fd === 1 ? process.stdout : process.stderr).isTTY === true;
  // Synchronous writes: a line logged just before process.exit() is never lost, and the
  // bot logs little per request (nothing at info level on the lookup path).
  const destination =
    options.destination ??
    (usePretty
      ? pretty({ colorize: true, sync: true, destination: fd, translateTime: 'SYS:HH:MM:ss.l' })
      : pino.destination({ fd, sync: true }));
  return pino(
    {
      level: options.level,
      base: { app: 'hire-bot' },
      // The redactor already turned every Error into pino's serialized shape (type, message,
      // stack); serializing again would turn `type` into "Object".
      serializers: { err: (value: unknown) => value },
      formatters: {
        log: (object) => redactor.redact(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactor.scrub(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
