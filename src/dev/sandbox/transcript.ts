import { renderMessageAsText } from '../../cli/render-message.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import type { LoopbackSlack } from '../loopback-slack/loopback-slack.js';
import type { LoopbackMessage, LoopbackView } from '../loopback-slack/workspace.js';
import { buttonsOf, numberedButtons, type SandboxButton } from './buttons.js';
import { type ModalView, renderModal } from './modal.js';

/** The buttons last shown, and where they live (needed to press one): a message, or the Home. */
export type ButtonContext =
  | { buttons: SandboxButton[]; channel: string; messageTs: string }
  | { buttons: SandboxButton[]; home: true };

export type Transcript = {
  /** Prints whatever changed in the loopback workspace since the last pass; true if anything. */
  pass(): boolean;
  buttons(): ButtonContext | undefined;
  /** The modal on top of the person's stack, if one is open. */
  openView(): LoopbackView | undefined;
  closeView(): void;
  /** Show the person's Home each time it is published (after /home), or stop showing it. */
  watchHome(on: boolean): void;
};

/**
 * Shows the sandbox user what Slack would show them: every message they can see (their
 * private replies, channel posts, thread replies, DMs), edits and deletions of those, and
 * modals. It diffs the loopback's workspace model on each pass.
 */
export function createTranscript(
  slack: LoopbackSlack,
  userId: string,
  write: (text: string) => void,
): Transcript {
  const seen = new Map<LoopbackMessage, string>();
  const seenViews = new Map<string, string>();
  let current: ButtonContext | undefined;
  let openView: LoopbackView | undefined;
  let watchingHome = false;
  let homeShown: string | undefined;

  // Mentions show as the names the loopback workspace knows, as Slack shows them.
  const nameOf = (userId: string) => slack.workspace.users.get(userId)?.name;

  const where = (message: LoopbackMessage): string => {
    if (message.ephemeral) return 'only you can see this';
    const channel = slack.workspace.channels.get(message.channel);
    const author =
      message.user === slack.botUserId ? 'hire-bot' : `@${nameOf(message.user) ?? message.user}`;
    if (channel?.isIm) return `direct message from ${author}`;
    const name = `#${channel?.name ?? message.channel}`;
    return message.threadTs ? `${name} · thread reply from ${author}` : `${name} · ${author}`;
  };

  const show = (message: LoopbackMessage, note: string) => {
    const rendered = renderMessageAsText(
      { text: message.text, blocks: (message.blocks ?? []) as SlackMessage['blocks'] },
      { nameOf },
    );
    write(`\n── ${note} ──\n${rendered}`);
    const buttons = buttonsOf(message.blocks);
    if (buttons.length > 0) {
      current = { buttons, channel: message.channel, messageTs: message.ts };
      write(`  ↳ press: ${numberedButtons(buttons)}\n`);
    }
  };

  const pass = (): boolean => {
    let wrote = false;
    for (const message of slack.messages) {
      if (message.source === 'test') continue; // the sandbox's own synthetic messages
      if (message.ephemeral && message.visibleTo !== userId) continue;
      const signature = message.deleted
        ? 'deleted'
        : JSON.stringify([message.text, message.blocks]);
      const previous = seen.get(message);
      if (previous === signature) continue;
      seen.set(message, signature);
      wrote = true;
      if (previous === undefined) {
        if (!message.deleted) show(message, where(message));
      } else if (message.deleted) {
        write(
          `\n── (${message.ephemeral ? 'your private copy was' : 'a message was'} removed) ──\n`,
        );
        if (current && 'messageTs' in current && current.messageTs === message.ts)
          current = undefined;
      } else {
        show(message, `${where(message)} · updated in place`);
      }
    }
    const home = slack.homeOf(userId);
    if (watchingHome && home && homeShown !== home.hash) {
      homeShown = home.hash;
      wrote = true;
      const blocks = (home.view.blocks ?? []) as SlackMessage['blocks'];
      write(`\n── your Home tab ──\n${renderMessageAsText({ text: '', blocks })}`);
      const buttons = buttonsOf(blocks);
      if (buttons.length > 0) {
        current = { buttons, home: true };
        write(`  ↳ press: ${numberedButtons(buttons)}\n  ↳ /home <words> searches from here\n`);
      }
    }
    for (const view of slack.workspace.views.values()) {
      if (view.userId !== userId || view.view.type !== 'modal') continue;
      if (seenViews.get(view.id) === view.hash) continue;
      seenViews.set(view.id, view.hash);
      wrote = true;
      openView = view;
      write(`\n${renderModal(view.view as ModalView, { nameOf })}`);
    }
    return wrote;
  };

  return {
    pass,
    buttons: () => current,
    openView: () => openView,
    closeView: () => {
      openView = undefined;
    },
    watchHome: (on) => {
      watchingHome = on;
      // Shown again in full the next time it is watched.
      if (!on) homeShown = undefined;
    },
  };
}
