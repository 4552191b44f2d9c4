import type { Store } from '../../../kernel/database/store.js';
import { createDeliveryClaimRepository } from './delivery-claim-repository.js';
import { createSubscriptionRepository } from './subscription-repository.js';
import { createTipHistoryRepository } from './tip-history-repository.js';

export type {
  ClaimInput,
  Delivery,
  DeliveryKey,
  FinishInput,
} from './delivery-claim-repository.js';
export { claimKey } from './delivery-claim-repository.js';
export type { NewSubscription, SubscriptionState } from './subscription-repository.js';
export type { SeenTips } from './tip-history-repository.js';

/** Everything reminders keep: subscriptions, delivery claims and tip history, on one store. */
export function createReminderRepository(store: Pick<Store, 'db'>) {
  return {
    ...createSubscriptionRepository(store),
    ...createDeliveryClaimRepository(store),
    ...createTipHistoryRepository(store),
  };
}

export type ReminderRepository = ReturnType<typeof createReminderRepository>;
