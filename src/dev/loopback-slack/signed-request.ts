/**
 * Requests to an app in HTTP mode, signed and encoded as Slack sends them: slash commands as
 * form fields, interactivity as a form with one `payload` field holding JSON, events as JSON.
 */
import { createHmac } from 'node:crypto';

export type SlackSignatureHeaders = {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
};

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestamp}:${rawBody}`)
    .digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

export type PostToAppOptions = {
  kind: 'command' | 'interactive' | 'event';
  /** Form fields for a command; the payload object for interactivity or an event. */
  payload: Record<string, unknown>;
  signingSecret: string;
  /** Unix seconds to sign with (default now); an old one tests Bolt's 5-minute rule. */
  timestamp?: number;
  /** A signature to send instead of the right one; `false` sends none at all. */
  signature?: string | false;
  /** A body to send as is, instead of encoding `payload` (e.g. garbage). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Give up after this long (the request is aborted and the call throws a `TimeoutError`). */
  timeoutMs?: number;
};

export type AppResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
};

export function encodeForApp(
  kind: PostToAppOptions['kind'],
  payload: Record<string, unknown>,
): { body: string; contentType: string } {
  if (kind === 'event') return { body: JSON.stringify(payload), contentType: 'application/json' };
  const form = new URLSearchParams();
  if (kind === 'interactive') {
    form.set('payload', JSON.stringify(payload));
  } else {
    for (const [key, value] of Object.entries(payload)) {
      if (value !== undefined && value !== null) form.set(key, String(value));
    }
  }
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** POSTs a signed request to an app (e.g. Bolt's `/slack/events`) and returns its answer. */
export async function postToApp(url: string, options: PostToAppOptions): Promise<AppResponse> {
  const encoded = encodeForApp(options.kind, options.payload);
  const body = options.rawBody ?? encoded.body;
  const headers: Record<string, string> = { 'content-type': encoded.contentType };
  if (options.signature !== false) {
    const signed = signSlackRequest(options.signingSecret, body, options.timestamp);
    headers['x-slack-request-timestamp'] = signed['x-slack-request-timestamp'];
    headers['x-slack-signature'] = options.signature ?? signed['x-slack-signature'];
  }
  Object.assign(headers, options.headers);
  const signal =
    options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const response = await fetch(url, { method: 'POST', headers, body, signal });
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: text,
    json,
  };
}
