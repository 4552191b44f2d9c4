import type { AnswerContext } from './subcommand.js';

/** How a /hire answer is delivered: privately, or shared in the channel by someone. */
export type Delivery = {
  /** Canonical command text of this answer; buttons and pages are built from it. */
  command: string;
  /** 1-based page the caller asked for. */
  page?: number;
  /** Slack user id of whoever shared the answer: makes the in-channel version. */
  sharedBy?: string;
};

/** How an answer to `command` goes out: the page asked for, private or shared by someone. */
export const deliveryOf = (ctx: AnswerContext, command: string, page = 1): Delivery => ({
  command,
  page,
  sharedBy: ctx.sharedBy,
});
