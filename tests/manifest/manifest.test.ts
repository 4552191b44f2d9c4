import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load as parseYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAllListeners } from '../../src/app/register-features.js';
import { SLASH_COMMAND } from '../../src/kernel/hire-command/hire-command-ids.js';
import type { ListenerRegistry } from '../../src/kernel/slack/listener-router.js';
import { createTestDeps, type TestDeps } from '../support/app-test-deps.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const schemaFile = 'manifest.schema.1.0.0.json';
/** The project's copy (MIT, LICENSE beside it), so that the test runs on a fresh machine. */
const vendoredSchema = join(repo, 'tests/fixtures/slack-manifest-schema', schemaFile);
/** Slack's schema as shared with the project, when this machine has it. */
const sharedSchema = join(repo, '../shared/slack/manifest-schema', schemaFile);

type Manifest = {
  features: {
    slash_commands?: { command: string }[];
    shortcuts?: { callback_id: string; type: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled?: boolean;
    interactivity?: { is_enabled: boolean };
    event_subscriptions?: { bot_events?: string[] };
  };
};

const manifest = parseYaml(readFileSync(join(repo, 'manifest.yml'), 'utf8')) as Manifest;

/**
 * Bot scopes each Web API method needs (Slack's method reference). A method the code calls
 * that is missing here fails the test, so that its scope gets decided, not forgotten.
 */
const SCOPES_OF_METHOD: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
  'users.info': ['users:read'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.open': ['im:write'],
  'files.info': ['files:read'],
};
/** Scopes features need without a Web API call: the slash command and the shortcuts. */
const FEATURE_SCOPES = ['commands'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return path === join(repo, 'src/dev') ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Web API calls in the app's code (`client.chat.postMessage(`, `client.users.info(` …; every
 * feature calls Slack through a WebClient named `client`). Dev tooling (src/dev/) is excluded.
 */
function webApiMethodsCalled(): Set<string> {
  const methods = new Set<string>();
  const call = /\bclient\.(\w+)\.(\w+)\(/g;
  for (const file of sourceFiles(join(repo, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      methods.add(`${match[1]}.${match[2]}`);
    }
  }
  return methods;
}

type Registered = {
  commands: string[];
  shortcuts: string[];
  globalShortcuts: string[];
  views: string[];
  actions: string[];
  events: string[];
};

/** A listener registry that only records what the listeners register. */
function recordingRegistry(): { registry: ListenerRegistry; registered: Registered } {
  const registered: Registered = {
    commands: [],
    shortcuts: [],
    globalShortcuts: [],
    views: [],
    actions: [],
    events: [],
  };
  const registry: ListenerRegistry = {
    command: (name) => registered.commands.push(name),
    messageShortcut: (id) => registered.shortcuts.push(id),
    globalShortcut: (id) => registered.globalShortcuts.push(id),
    viewSubmission: (id) => registered.views.push(id),
    action: (pattern) => registered.actions.push(pattern.source),
    event: (type) => registered.events.push(type),
  };
  return { registry, registered };
}

/**
 * Every Slack id the code defines, from the features' `*-ids.ts` files: exports named
 * `…_SHORTCUT` are shortcut callback ids, `…_VIEW` modal callback ids.
 */
async function idsInCode(): Promise<{ shortcuts: string[]; views: string[] }> {
  const files = sourceFiles(join(repo, 'src')).filter((file) => file.endsWith('-ids.ts'));
  const ids = { shortcuts: [] as string[], views: [] as string[] };
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'string') continue;
      if (name.endsWith('_SHORTCUT')) ids.shortcuts.push(value);
      if (name.endsWith('_VIEW')) ids.views.push(value);
    }
  }
  return ids;
}

describe('manifest.yml', () => {
  let deps: TestDeps;
  let ids: { shortcuts: string[]; views: string[] };
  let registered: Registered;

  beforeAll(async () => {
    ({ deps } = await createTestDeps());
    const recording = recordingRegistry();
    registerAllListeners(recording.registry, deps);
    registered = recording.registered;
    ids = await idsInCode();
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it("is valid against Slack's manifest JSON Schema", () => {
    const schema = JSON.parse(readFileSync(vendoredSchema, 'utf8'));
    // strict off: Slack's schema uses a non-standard `regex` keyword, which Ajv would reject.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a broken manifest (the check has teeth)', () => {
    const schema = JSON.parse(readFileSync(vendoredSchema, 'utf8'));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    const broken = structuredClone(manifest) as Record<string, unknown> & Manifest;
    (broken.features.slash_commands as { command: string }[])[0] = { command: 'hire' };
    broken.unknown_section = true;
    expect(validate(broken)).toBe(false);
  });

  // Only where ../shared exists (the project's workspace); a fresh clone has the copy alone.
  it.skipIf(!existsSync(sharedSchema))(
    'the vendored schema is an exact copy of the shared one — skipped: ../shared is absent',
    () => {
      expect(readFileSync(vendoredSchema, 'utf8')).toBe(readFileSync(sharedSchema, 'utf8'));
    },
  );

  it('declares exactly the slash commands the code registers', () => {
    const declared = (manifest.features.slash_commands ?? []).map((c) => c.command);
    expect(registered.commands).toEqual([SLASH_COMMAND]);
    expect(declared.sort()).toEqual([...new Set(registered.commands)].sort());
  });

  it("declares exactly the shortcuts of the features' ids files, and the code registers each", () => {
    const shortcuts = manifest.features.shortcuts ?? [];
    const declared = shortcuts.map((s) => s.callback_id).sort();
    const inIds = [...ids.shortcuts].sort();
    expect(inIds.length).toBeGreaterThan(0);
    expect(declared).toEqual(inIds);
    const ofType = (type: string) =>
      shortcuts
        .filter((s) => s.type === type)
        .map((s) => s.callback_id)
        .sort();
    expect([...new Set(registered.shortcuts)].sort()).toEqual(ofType('message'));
    expect([...new Set(registered.globalShortcuts)].sort()).toEqual(ofType('global'));
  });

  it('subscribes to exactly the events the code listens to', () => {
    const declared = [...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort();
    expect(declared).toEqual([...new Set(registered.events)].sort());
  });

  it('registers a view_submission listener for every modal callback id', () => {
    expect(ids.views.length).toBeGreaterThan(0);
    expect([...new Set(registered.views)].sort()).toEqual([...ids.views].sort());
  });

  it('asks for exactly the bot scopes the code needs', () => {
    const called = webApiMethodsCalled();
    const unknown = [...called].filter((m) => !(m in SCOPES_OF_METHOD));
    expect(unknown, 'add these methods to SCOPES_OF_METHOD').toEqual([]);
    const needed = new Set([
      ...FEATURE_SCOPES,
      ...[...called].flatMap((m) => SCOPES_OF_METHOD[m] ?? []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('turns on interactivity (buttons, shortcut, modals) and Socket Mode', () => {
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
