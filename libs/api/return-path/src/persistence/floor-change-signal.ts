import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel on which a site whose floor figures moved is announced (see `FloorChangeHub`). */
export const FLOOR_CHANGES_CHANNEL = 'pepite_floor_changes';

/**
 * Queues "the floor of `siteId` moved" in the writer's transaction: delivered to every
 * listening API instance at commit, never on a rollback; PostgreSQL folds repeats within one
 * transaction. The payload is the site id alone: no person, no kind of change.
 */
export async function signalFloorChanged(manager: EntityManager, siteIds: readonly string[]): Promise<void> {
  const sites = [...new Set(siteIds.map((id) => id.toLowerCase()))].sort();
  if (sites.length === 0) return;
  await manager.query('SELECT pg_notify($1, site) FROM unnest($2::text[]) AS site', [FLOOR_CHANGES_CHANNEL, sites]);
}
