import type { EntityManager } from 'typeorm';
import type { HistoryParams } from '../domain/history-line';
import type { PepinActorRole, PepinEventKind } from '../domain/pepin-lifecycle';
import type { PepinStatus } from '../domain/pepin-status';

// A pépin's history: one row per event, rendered per reader language from its kind and parameters.

export interface NewPepinEvent {
  readonly pepinId: string;
  readonly actorRole: PepinActorRole;
  readonly actorId: string | null;
  readonly kind: PepinEventKind;
  readonly fromStatus: PepinStatus | null;
  readonly toStatus: PepinStatus | null;
  readonly message: string | null;
  /** What the line is about, worded per reader (see `historyLine`); null for a person's own words. */
  readonly params?: HistoryParams | null;
  /** When it happened; the clock time of the write when absent or null. */
  readonly at?: Date | null;
}

export async function appendEvent(manager: EntityManager, event: NewPepinEvent): Promise<void> {
  await manager.query(
    `INSERT INTO pepin_event (pepin_id, at, actor_role, actor_id, kind, from_status, to_status, message, params)
     VALUES ($1, COALESCE($8::timestamptz, clock_timestamp()), $2, $3, $4, $5, $6, $7, $9::jsonb)`,
    [
      event.pepinId,
      event.actorRole,
      event.actorId,
      event.kind,
      event.fromStatus,
      event.toStatus,
      event.message,
      event.at ?? null,
      event.params ? JSON.stringify(event.params) : null,
    ],
  );
}

export interface PepinEventRow {
  readonly id: string;
  readonly pepinId: string;
  readonly at: Date;
  readonly actorRole: PepinActorRole;
  readonly actorId: string | null;
  readonly kind: PepinEventKind;
  readonly fromStatus: PepinStatus | null;
  readonly toStatus: PepinStatus | null;
  readonly message: string | null;
  readonly params: HistoryParams | null;
}

/**
 * Oldest first (`at` is the clock time of the write, so one transaction's lines keep their
 * order; a backdated line carries the time it was given).
 */
export function eventsOf(manager: EntityManager, pepinIds: readonly string[]): Promise<PepinEventRow[]> {
  return manager.query(
    `SELECT id, pepin_id AS "pepinId", at, actor_role AS "actorRole", actor_id AS "actorId", kind, from_status AS "fromStatus",
       to_status AS "toStatus", message, params
     FROM pepin_event WHERE pepin_id = ANY($1::uuid[]) ORDER BY at, id`,
    [pepinIds],
  );
}

/**
 * Sets the status and what goes with it; `updated_at` moves (a change managers see), to
 * `extra.at` when given, now() otherwise.
 */
