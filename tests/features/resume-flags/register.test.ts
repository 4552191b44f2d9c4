import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResumeFlagsFeature } from '../../../src/features/resume-flags/register.js';
import { FLAG_RESUME_SHORTCUT } from '../../../src/features/resume-flags/resume-flags-ids.js';
import type {
  ListenerRegistry,
  MessageShortcutArgs,
} from '../../../src/kernel/slack/listener-router.js';
import { createTestDeps, type LogCapture, type TestDeps } from '../../support/app-test-deps.js';
import { buildPdf } from '../../support/resume-fixtures.js';
import { type SlackFileServer, startSlackFileServer } from '../../support/slack-file-server.js';

const TOKEN = 'xoxb-resume-flags-wiring';

type Listener = (args: MessageShortcutArgs) => Promise<void>;
type ViewCall = { view_id?: string; hash?: string; view: unknown };

/** Registers the feature and returns its message shortcut listener. */
function registerShortcut(feature: ReturnType<typeof createResumeFlagsFeature>, deps: TestDeps) {
  let listener: Listener | undefined;
  const ignore = () => undefined;
  const registry: ListenerRegistry = {
    command: ignore,
    action: ignore,
    globalShortcut: ignore,
    viewSubmission: ignore,
    event: ignore,
    messageShortcut: (id, registered) => {
      if (id === FLAG_RESUME_SHORTCUT) listener = registered;
    },
  };
  feature.register?.(registry, deps);
  if (!listener) throw new Error('the shortcut was not registered');
  return listener;
}

/** Runs the shortcut on a message carrying `files`; returns what it asked of views.*. */
async function runShortcut(listener: Listener, files: unknown[]) {
  const opened: ViewCall[] = [];
  const updated: ViewCall[] = [];
  const client = {
    views: {
      open: async (args: ViewCall) => {
        opened.push(args);
        return { ok: true, view: { id: 'V1', hash: 'hash-from-open' } };
      },
      update: async (args: ViewCall) => {
        updated.push(args);
        return { ok: true };
      },
    },
    files: { info: () => Promise.reject(new Error('files.info was not expected')) },
  };
  await listener({
    shortcut: {
      type: 'message_action',
      callback_id: FLAG_RESUME_SHORTCUT,
      trigger_id: 'T.1',
      channel: { id: 'C0HIRING', name: 'hiring' },
      user: { id: 'U0REVIEW', name: 'casey' },
      team: { id: 'T0TEAM', domain: 'team' },
      message_ts: '1712345678.000100',
      message: { type: 'message', ts: '1712345678.000100', text: '', files },
    },
    ack: async () => undefined,
    client,
    context: { botToken: TOKEN },
  } as unknown as MessageShortcutArgs);
  return { opened, updated, text: JSON.stringify(updated.at(-1)?.view) };
}

describe('resume flags wiring: one attachment reader, closed by the start job', () => {
  let slackHost: SlackFileServer;
  let otherHost: SlackFileServer;
  let deps: TestDeps;
  let logs: LogCapture;
  let pdf: Buffer;

  beforeAll(async () => {
    slackHost = await startSlackFileServer(TOKEN);
    otherHost = await startSlackFileServer(TOKEN);
    // A Web API URL on this machine: its origin is where the reader may download from.
    ({ deps, logs } = await createTestDeps({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: '0123456789abcdef0123',
      SLACK_API_URL: `${slackHost.origin}/api/`,
    }));
    pdf = await buildPdf();
  });
  afterAll(async () => {
    await slackHost.close();
    await otherHost.close();
    await deps.store.close();
  });

  /** A file object whose download URL is on `host`. */
  const fileAt = (host: SlackFileServer, id: string, name: string, body: Buffer) => ({
    id,
    name,
    filetype: name.endsWith('.pdf') ? 'pdf' : 'text',
    size: body.length,
    url_private_download: host.serve(`/files-pri/T0TEAM-${id}/download/${name}`, { body }),
  });
  // Text files are read in process; a PDF goes to the extraction child the reader owns.
  const resumeText = Buffer.from('Backend engineer, seven years of Go and PostgreSQL.');

  it("reads from the Web API's own origin only, then stops reading once the job stopped", async () => {
    const feature = createResumeFlagsFeature();
    const listener = registerShortcut(feature, deps);
    const first = await runShortcut(listener, [
      fileAt(slackHost, 'F1', 'Orsolya-cv.txt', resumeText),
      fileAt(otherHost, 'F2', 'elsewhere-cv.txt', resumeText),
    ]);
    expect(JSON.stringify(first.opened[0]?.view)).toContain('2 attached files (text file)');
    expect(first.updated[0]).toMatchObject({ view_id: 'V1', hash: 'hash-from-open' });
    expect(first.text).toContain('“Orsolya-cv.txt” (text file)');
    expect(first.text).toContain('“elsewhere-cv.txt”: the bot is not allowed to download it');
    expect(otherHost.stats.requests).toBe(0); // the token never went to the other origin

    const job = feature.start?.({
      ...deps,
      slack: { botToken: TOKEN, apiUrl: `${slackHost.origin}/api/` },
    });
    await job?.stop();
    const after = await runShortcut(listener, [fileAt(slackHost, 'F3', 'Orsolya-cv.pdf', pdf)]);
    expect(after.text).toContain('“Orsolya-cv.pdf”: the file reader did not start');
    expect(after.updated[0]?.view).not.toHaveProperty('submit');
    expect(logs.raw()).toContain('the attachment reader failed');
    expect(logs.raw()).not.toContain('Orsolya');
  });
});
