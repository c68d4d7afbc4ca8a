import { PepinStatus } from './pepin-status';

/**
 * The pépin state machine, and nothing else: which status may follow which.
 *
 * ```
 * NEW ──acknowledge──▶ ACKNOWLEDGED ──startDesign──▶ IN_DESIGN ──▶ IN_VOTE ──▶ PUBLISHED
 *  │                      │                              ▲            │
 *  │                      │                              └────────────┘ (rejected vote)
 *  └──────────────────────┴──▶ DECLINED | DUPLICATE
 * ```
 * PUBLISHED, DECLINED and DUPLICATE are final.
 */
export const PEPIN_TRANSITIONS: Readonly<Record<PepinStatus, readonly PepinStatus[]>> = {
  [PepinStatus.NEW]: [PepinStatus.ACKNOWLEDGED, PepinStatus.DECLINED, PepinStatus.DUPLICATE],
  [PepinStatus.ACKNOWLEDGED]: [PepinStatus.IN_DESIGN, PepinStatus.DECLINED, PepinStatus.DUPLICATE],
  [PepinStatus.IN_DESIGN]: [PepinStatus.IN_VOTE],
  [PepinStatus.IN_VOTE]: [PepinStatus.PUBLISHED, PepinStatus.IN_DESIGN],
  [PepinStatus.PUBLISHED]: [],
  [PepinStatus.DECLINED]: [],
  [PepinStatus.DUPLICATE]: [],
};

export function isFinal(status: PepinStatus): boolean {
  return PEPIN_TRANSITIONS[status].length === 0;
}

export function canTransition(from: PepinStatus, to: PepinStatus): boolean {
  return PEPIN_TRANSITIONS[from].includes(to);
}

/** What the history calls each step. */
export enum PepinEventKind {
  FILED = 'FILED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DECLINED = 'DECLINED',
  MARKED_DUPLICATE = 'MARKED_DUPLICATE',
  /** On the kept pépin: another one was merged into it and its supports moved here. */
  DUPLICATE_MERGED = 'DUPLICATE_MERGED',
  DESIGN_STARTED = 'DESIGN_STARTED',
  VOTE_OPENED = 'VOTE_OPENED',
  RETURNED_TO_DESIGN = 'RETURNED_TO_DESIGN',
  PUBLISHED = 'PUBLISHED',
  /** The acknowledgement deadline passed and the pépin went up a level (SLA job). */
  ESCALATED = 'ESCALATED',
  /** A double écoute ended; its outcome is the message. */
  LISTENING_SESSION_DONE = 'LISTENING_SESSION_DONE',
}

/** The history entry a legal transition writes. */
export function transitionEventKind(from: PepinStatus, to: PepinStatus): PepinEventKind {
  if (!canTransition(from, to)) throw new Error(`no transition from ${from} to ${to}`);
  switch (to) {
    case PepinStatus.ACKNOWLEDGED:
      return PepinEventKind.ACKNOWLEDGED;
    case PepinStatus.DECLINED:
      return PepinEventKind.DECLINED;
    case PepinStatus.DUPLICATE:
      return PepinEventKind.MARKED_DUPLICATE;
    case PepinStatus.IN_DESIGN:
      return from === PepinStatus.IN_VOTE ? PepinEventKind.RETURNED_TO_DESIGN : PepinEventKind.DESIGN_STARTED;
    case PepinStatus.IN_VOTE:
      return PepinEventKind.VOTE_OPENED;
    case PepinStatus.PUBLISHED:
      return PepinEventKind.PUBLISHED;
    case PepinStatus.NEW:
      throw new Error('nothing goes back to NEW');
  }
}

/** Who did something to a pépin, as its history shows it. */
export enum PepinActorRole {
  /** The operator who filed it; never named unless they signed. */
  REPORTER = 'REPORTER',
  /** Another operator (a double écoute participant, shown only to that session's manager). */
  OPERATOR = 'OPERATOR',
  MANAGER = 'MANAGER',
  ADMIN = 'ADMIN',
  /** The application itself (deadlines, releases). */
  SYSTEM = 'SYSTEM',
}
