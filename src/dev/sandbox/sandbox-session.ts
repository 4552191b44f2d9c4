import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { HOME_ACTIONS } from '../../features/home/home-ids.js';
import { FLAG_RESUME_SHORTCUT } from '../../features/resume-flags/resume-flags-ids.js';
import { SLASH_COMMAND } from '../../kernel/hire-command/hire-command-ids.js';
import type { LoopbackSlack } from '../loopback-slack/loopback-slack.js';
import { AckRejectedError } from '../loopback-slack/socket-mode-server.js';
import { findButton } from './buttons.js';
import { defaultValues, type ModalView } from './modal.js';
import { HELP_TEXT } from './sandbox-text.js';
import type { Transcript } from './transcript.js';

/** Larger files are not read into the sandbox (the bot itself stops at 10 MB). */
const MAX_SANDBOX_FILE_BYTES = 50 * 1024 * 1024;

export type SessionDeps = {
  slack: LoopbackSlack;
  transcript: Transcript;
  userId: string;
  channelId: string;
  write: (text: string) => void;
};

export type Session = {
  /** Handles one typed line; resolves once its envelope was acked. `quit` asks to leave. */
  handle(line: string): Promise<'quit' | undefined>;
};

/** Turns what a person types into what Slack would send the app over Socket Mode. */
export function createSession(deps: SessionDeps): Session {
  const { slack, transcript, userId, channelId, write } = deps;
  /** Lines of a multi-line /flag paste, until a line holding only a dot. */
  let pasting: string[] | undefined;

  const send = async (
    type: 'slash_commands' | 'interactive' | 'events_api',
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined> => {
    try {
      return await slack.socket.send(type, payload);
    } catch (error) {
      if (error instanceof AckRejectedError) {
        write(`\n!! Slack would refuse the bot's reply: ${error.errors.join('; ')}\n`);
      } else {
        write(`\n!! ${(error as Error).message}\n`);
      }
      return undefined;
    }
  };

  const flag = async (text: string, files?: string[]) => {
    transcript.watchHome(false);
    const payload = slack.payloads.messageShortcut({
      callbackId: FLAG_RESUME_SHORTCUT,
      message: { text, ...(files ? { files } : {}) },
      channelId,
      userId,
    });
    await send('interactive', payload);
  };

  /** Uploads local files to the loopback workspace and flags a message carrying them. */
  const flagFiles = async (paths: string[]) => {
    const ids: string[] = [];
    for (const path of paths) {
      const full = resolve(path);
      try {
        const info = await stat(full);
        if (!info.isFile()) throw new Error('not a file');
        if (info.size > MAX_SANDBOX_FILE_BYTES) throw new Error('over 50 MB');
        ids.push(slack.files.add({ name: basename(full), bytes: await readFile(full) }).id);
      } catch (error) {
        write(`Cannot attach ${path}: ${(error as Error).message}\n`);
        return;
      }
    }
    await flag('', ids);
  };

  const submit = async (typed: string) => {
    const open = transcript.openView();
    if (!open) {
      write('No form is open.\n');
      return;
    }
    const view = open.view as ModalView;
    const payload = slack.payloads.viewSubmission({
      callbackId: view.callback_id ?? '',
      values: defaultValues(view, typed),
      privateMetadata: view.private_metadata,
      viewId: open.id,
      userId,
    });
    const ack = await send('interactive', payload);
    if (ack === undefined) return;
    if (ack.response_action === 'errors') {
      const errors = Object.values((ack.errors ?? {}) as Record<string, string>);
      write(`\n!! The form was not accepted: ${errors.join('; ')}\n`);
      return;
    }
    if (ack.response_action !== 'update' && ack.response_action !== 'push') {
      transcript.closeView();
      write('(form submitted and closed)\n');
    }
  };

  const press = async (typed: string): Promise<boolean> => {
    const context = transcript.buttons();
    const button = context && findButton(context.buttons, typed);
    if (!context || !button) return false;
    const where =
      'home' in context
        ? { inHome: true }
        : { channelId: context.channel, messageTs: context.messageTs };
    transcript.watchHome('home' in context);
    const payload = slack.payloads.blockAction({
      actionId: button.actionId,
      value: button.value,
      userId,
      ...where,
    });
    await send('interactive', payload);
    return true;
  };

  /** Opens the Home tab (app_home_opened), then types `words` into its search box, if any. */
  const home = async (words: string) => {
    transcript.watchHome(true);
    if (words === '' || slack.homeOf(userId) === undefined) {
      await send('events_api', slack.payloads.appHomeOpened({ userId }));
    }
    if (words === '') return;
    const opened = Date.now();
    while (slack.homeOf(userId) === undefined && Date.now() - opened < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const payload = slack.payloads.blockAction({
      actionId: HOME_ACTIONS.search,
      value: words,
      userId,
      inHome: true,
    });
    await send('interactive', payload);
  };

  return {
    async handle(raw) {
      const line = raw.trim();
      if (pasting !== undefined) {
        if (line !== '.') {
          pasting.push(raw);
          return undefined;
        }
        const text = pasting.join('\n');
        pasting = undefined;
        await flag(text);
        return undefined;
      }
      if (line === '') return undefined;
      const [word = '', ...rest] = line.split(/\s+/);
      const args = line.slice(word.length).trim();
      switch (word.toLowerCase()) {
        case '/quit':
        case '/exit':
          return 'quit';
        case '/help':
          write(HELP_TEXT);
          return undefined;
        case '/home':
          await home(args);
          return undefined;
        case SLASH_COMMAND: {
          transcript.watchHome(false);
          const payload = slack.payloads.slashCommand({ text: args, userId, channelId });
          await send('slash_commands', payload);
          return undefined;
        }
        case '/flag':
          if (rest.length === 0) {
            pasting = [];
            write('Paste the message, then a line with just a dot (.).\n');
          } else {
            await flag(args);
          }
          return undefined;
        case '/flag-file':
          if (rest.length === 0) write('Usage: /flag-file path/to/resume.pdf [more files]\n');
          else await flagFiles(rest);
          return undefined;
        case '/submit':
          await submit(args);
          return undefined;
        case '/cancel':
          transcript.closeView();
          write('(form closed)\n');
          return undefined;
      }
      if (await press(line)) return undefined;
      write(
        line.startsWith('/')
          ? `Unknown here: ${word}. The bot's command is /hire; /help lists what the sandbox understands.\n`
          : 'Type /hire <something>, a button label or number, or /help.\n',
      );
      return undefined;
    },
  };
}
