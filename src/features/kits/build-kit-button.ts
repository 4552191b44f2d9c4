import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import { type OpenKitDeps, openKitRequest } from './open-kit-request.js';

/** A "Build an interview kit" button (the Home's quick way in) opens the same modal. */
export function createBuildKitButton(deps: OpenKitDeps) {
  return async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    await openKitRequest(deps, {
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      from: 'build-kit-button',
    });
  };
}
