/**
 * A stored view as Slack shows it to an app: in views.* answers, in `block_actions` payloads
 * from a modal or the Home, and in `app_home_opened` events.
 */
import type { LoopbackView, Workspace } from './workspace.js';

/** `state.values`: block_id → action_id → value object, as Slack sends them. */
export type StateValues = Record<string, Record<string, unknown>>;

export function viewJson(
  workspace: Workspace,
  stored: LoopbackView,
  stateValues: StateValues = {},
): Record<string, unknown> {
  const isModal = stored.view.type === 'modal';
  return {
    ...stored.view,
    id: stored.id,
    team_id: workspace.teamId,
    app_id: workspace.appId,
    app_installed_team_id: workspace.teamId,
    bot_id: workspace.botId,
    hash: stored.hash,
    root_view_id: stored.rootViewId,
    previous_view_id: stored.previousViewId,
    external_id: stored.externalId ?? '',
    private_metadata: stored.view.private_metadata ?? '',
    callback_id: stored.view.callback_id ?? '',
    state: { values: stateValues },
    title: stored.view.title ?? null,
    close: stored.view.close ?? null,
    submit: stored.view.submit ?? null,
    clear_on_close: isModal ? Boolean(stored.view.clear_on_close) : false,
    notify_on_close: isModal ? Boolean(stored.view.notify_on_close) : false,
  };
}
