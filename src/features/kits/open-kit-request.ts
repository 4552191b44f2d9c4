import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../kernel/app-deps.js';
import { buildKitRequestModal } from './blocks/build-kit-request-modal.js';
import { kitParserFor } from './parse-kit-command.js';

export type OpenKitDeps = Pick<AppDeps, 'knowledge' | 'logger'>;

/** Opens the kit request modal; its levels and areas come from the knowledge as it is now. */
export async function openKitRequest(
  deps: OpenKitDeps,
  input: { client: WebClient; triggerId: string; userId: string; from: string },
): Promise<void> {
  try {
    const view = buildKitRequestModal(kitParserFor(deps.knowledge.current().knowledge));
    await input.client.views.open({ trigger_id: input.triggerId, view });
  } catch (error) {
    deps.logger
      .child({ listener: input.from })
      .warn({ err: error, user: input.userId }, 'could not open the kit request modal');
  }
}
