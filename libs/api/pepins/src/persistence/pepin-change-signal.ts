import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel on which a changed pépin's id is announced (see `PepinChangeHub`). */
export const PEPIN_CHANGES_CHANNEL = 'pepite_pepin_changes';

/**
 * Queues "pépin `pepinId` changed" in the writer's transaction: PostgreSQL delivers it to
 * every listening API instance at commit, and never if the transaction rolls back. Several
 * signals for one pépin in one transaction are folded into one by PostgreSQL. The payload is
 * the id alone: no actor, no kind of change (readers refetch through the usual access rules).
 */
export async function signalPepinChanged(manager: EntityManager, pepinId: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [PEPIN_CHANGES_CHANNEL, pepinId]);
}
