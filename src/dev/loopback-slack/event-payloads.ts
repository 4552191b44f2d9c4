/**
 * Events API payloads as Slack sends them: the `event_callback` posted over HTTP and carried in
 * a Socket Mode `events_api` envelope, and the `app_home_opened` event in it.
 */
import { actionTs, VERIFICATION_TOKEN } from './payload-fields.js';
import { viewJson } from './view-json.js';
import { DEFAULT_USER_ID, type Workspace } from './workspace.js';

export type EventCallbackOptions = {
  /** Reuse an event id (Slack keeps it across retries); a fresh one otherwise. */
  eventId?: string;
};

export type AppHomeOpenedInput = {
  userId?: string;
  /** Which tab was opened (default `home`). */
  tab?: 'home' | 'messages';
};

export function createEventPayloads(deps: { workspace: Workspace; now: () => number }) {
  const { workspace } = deps;

  /** An `event_callback` wrapping `event`. A retry must reuse the same object (same event_id). */
  function eventCallback(
    event: Record<string, unknown>,
    options: EventCallbackOptions = {},
  ): Record<string, unknown> {
    const now = deps.now();
    const channel = typeof event.channel === 'string' ? event.channel : undefined;
    return {
      token: VERIFICATION_TOKEN,
      team_id: workspace.teamId,
      context_team_id: workspace.teamId,
      context_enterprise_id: null,
      api_app_id: workspace.appId,
      event: { event_ts: actionTs(now), ...event },
      type: 'event_callback',
      event_id: options.eventId ?? workspace.nextId('Ev'),
      event_time: Math.floor(now / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: workspace.teamId,
          user_id: workspace.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: channel !== undefined && workspace.isExtShared(channel),
    };
  }

  /**
   * `app_home_opened` in its `event_callback`: `event.channel` is the app's DM with the user,
   * and `event.view` the Home last published for them (absent when there is none).
   */
  function appHomeOpened(input: AppHomeOpenedInput = {}): Record<string, unknown> {
    const userId = input.userId ?? DEFAULT_USER_ID;
    const dm = workspace.findChannel(userId)?.id ?? `D${userId.slice(1)}`;
    const home = workspace.homeOf(userId);
    const event: Record<string, unknown> = {
      type: 'app_home_opened',
      user: userId,
      channel: dm,
      tab: input.tab ?? 'home',
    };
    if (home) event.view = viewJson(workspace, home);
    return eventCallback(event);
  }

  return { eventCallback, appHomeOpened };
}
