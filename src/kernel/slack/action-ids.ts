/**
 * Slack rejects two elements with the same action_id in one block, so when one actions block
 * holds several buttons of one kind (related terms, pick lists, pages) the second and later
 * carry a numeric suffix: `hire_open`, `hire_open:2` (see `actions()` in blocks/block-kit.ts).
 * Listeners register with this pattern, which accepts the id with or without a suffix.
 */
export function actionIdPattern(actionId: string): RegExp {
  return new RegExp(`^${actionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::\\d+)?$`);
}
