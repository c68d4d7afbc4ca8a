import { referenceOf, type Pepin } from '../domain/pepin';
import { ListeningSessionStatus } from '../domain/listening-session';
import type { ListeningSessionEntity } from '../persistence/listening-session.entity';

/**
 * A double écoute as one person sees it. The two participants see everything; anyone
 * else who may see the pépin (its other managers, its reporter or supporters) sees the
 * manager, the status and, once done, the outcome: not who asked, not when, not the notes.
 */
export interface ListeningSessionView {
  readonly id: string;
  readonly pepinId: string;
  readonly pepinReference: string;
  readonly status: ListeningSessionStatus;
  readonly managerId: string;
  /** True for the operator who asked and the chosen manager. */
  readonly participant: boolean;
  readonly operatorId: string | null;
  readonly callReference: string | null;
  readonly reason: string | null;
  readonly scheduledAt: Date | null;
  readonly operatorNotes: string | null;
  readonly managerNotes: string | null;
  readonly outcome: string | null;
  readonly requestedAt: Date | null;
  readonly completedAt: Date | null;
}

export function viewOf(session: ListeningSessionEntity, pepin: Pepin, viewerId: string): ListeningSessionView {
  const participant = session.operatorId === viewerId || session.managerId === viewerId;
  const shown = <T>(value: T): T | null => (participant ? value : null);
  return {
    id: session.id,
    pepinId: session.pepinId,
    pepinReference: referenceOf(pepin),
    status: session.status,
    managerId: session.managerId,
    participant,
    operatorId: shown(session.operatorId),
    callReference: shown(session.callReference),
    reason: shown(session.reason),
    scheduledAt: shown(session.scheduledAt),
    operatorNotes: shown(session.operatorNotes),
    managerNotes: shown(session.managerNotes),
    outcome: session.status === ListeningSessionStatus.DONE ? session.outcome : null,
    requestedAt: shown(session.createdAt),
    completedAt: shown(session.completedAt),
  };
}
