import { createKitRepository } from '../../../../src/features/kits/storage/kit-repository.js';
import type { KitsDatabase } from '../../../../src/features/kits/storage/kit-tables.js';
import { up } from '../../../../src/features/kits/storage/migrations/006-kits-scorecards.js';
import type { Store } from '../../../../src/kernel/database/store.js';
import type { BackendContext } from '../../../support/test-stores.js';

/**
 * The kits migration is not in the store's list yet (it joins at merge), so tests apply it to
 * the test's database themselves, once, then build repositories on any store sharing it.
 */
export async function migratedKitRepository(backend: BackendContext) {
  const store = await backend.store();
  await up(store.db);
  return kitRepository(store);
}

export function kitRepository(store: Store) {
  return createKitRepository(store.db.withTables<KitsDatabase>());
}
