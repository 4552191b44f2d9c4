import { expect, it } from 'vitest';
import { createEventDeliveryLog } from '../../../src/kernel/slack/event-deliveries.js';
import { createManualClock } from '../../support/manual-clock.js';
import { forEachBackend } from '../../support/test-stores.js';

forEachBackend('event delivery log', (backend) => {
  it('says first once per event id, across instances sharing the database', async () => {
    const clock = createManualClock('2026-12-02T10:00:00Z');
    const one = createEventDeliveryLog(await backend.store(), clock);
    const two = createEventDeliveryLog(await backend.openAnother(), clock);
    const answers = await Promise.all([
      one.firstDelivery('Ev1'),
      two.firstDelivery('Ev1'),
      one.firstDelivery('Ev1'),
    ]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await two.firstDelivery('Ev2')).toBe(true);
  });
});
