/**
 * The HTTP side of the Web API: parses requests the way Slack accepts them (form-encoded as
 * WebClient sends them, or JSON), checks the token, applies injected failures, runs the
 * method and records the call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './call-log.js';
import type { FailureInjector } from './failure-injection.js';
import {
  type ApiResult,
  type Args,
  type MethodContext,
  type MethodHandler,
  methods,
} from './web-api-methods.js';

/** Form fields WebClient sends as JSON strings (it JSON-encodes every object argument). */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'unfurls',
  'user_auth_blocks',
  'options',
]);

export type TokenRules = {
  botTokens: Set<string>;
  appToken: string;
  revoked: Set<string>;
};

export type WebApiDeps = {
  context: MethodContext;
  log: CallLog;
  failures: FailureInjector;
  tokens: TokenRules;
  extraMethods: Map<string, MethodHandler>;
  recordCalls: boolean;
};

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    // Slack answers invalid_arguments / invalid_blocks_format for these; keep the raw text.
    return value;
  }
}

export function parseArgs(contentType: string | undefined, raw: string, query: string): Args {
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(query)) args[key] = decodeField(key, value);
  if (raw.length === 0) return args;
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      Object.assign(args, parsed);
    }
    return args;
  }
  for (const [key, value] of new URLSearchParams(raw)) args[key] = decodeField(key, value);
  return args;
}

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function checkToken(
  method: string,
  token: string | undefined,
  rules: TokenRules,
): string | undefined {
  if (!token) return 'not_authed';
  if (rules.revoked.has(token)) return 'token_revoked';
  if (method === 'apps.connections.open') {
    if (token === rules.appToken) return undefined;
    return token.startsWith('xapp-') ? 'invalid_auth' : 'not_allowed_token_type';
  }
  if (rules.botTokens.has(token)) return undefined;
  if (token === rules.appToken)
    return method === 'auth.test' ? undefined : 'not_allowed_token_type';
  return 'invalid_auth';
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function handleWebApi(
  deps: WebApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  query: string,
  raw: string,
): Promise<void> {
  const now = deps.context.now();
  let args: Args;
  try {
    args = parseArgs(req.headers['content-type'], raw, query);
  } catch {
    send(res, 200, { ok: false, error: 'invalid_json' });
    return;
  }
  const token =
    bearer(req.headers.authorization) ?? (typeof args.token === 'string' ? args.token : undefined);
  const call = deps.recordCalls ? deps.log.record({ method, args, token, at: now }) : undefined;

  const answer = (status: number, body: ApiResult, headers?: Record<string, string>) => {
    if (call) call.outcome = body.ok ? 'ok' : String(body.error);
    send(res, status, body, headers);
  };

  const delayMs = deps.failures.delayFor(method);
  if (delayMs > 0) await wait(delayMs);

  const tokenError = checkToken(method, token, deps.tokens);
  if (tokenError) return answer(200, { ok: false, error: tokenError });

  const injected = deps.failures.take(method, args.channel, now);
  if (injected?.kind === 'ratelimit') {
    return answer(
      429,
      { ok: false, error: 'ratelimited' },
      { 'retry-after': String(injected.retryAfter) },
    );
  }
  if (injected?.kind === 'error') return answer(200, { ok: false, error: injected.error });

  const handler = deps.extraMethods.get(method) ?? methods[method];
  if (!handler) return answer(200, { ok: false, error: 'unknown_method' });
  let result: ApiResult;
  try {
    result = handler(args, deps.context);
  } catch (error) {
    // A bug in the loopback should look like Slack's internal_error, not a hung request.
    result = { ok: false, error: 'internal_error', detail: String(error) };
  }
  answer(200, result);
}
