/**
 * How a person wants to hear of one kind of notification by e-mail. The console and the
 * desktop always show every notification; this only decides the e-mail.
 */
export enum DeliveryMode {
  /** An e-mail as soon as it happens. */
  IMMEDIATE = 'IMMEDIATE',
  /** Gathered into the daily digest, sent at 08:00 in the person's site's time zone. */
  DIGEST = 'DIGEST',
  /** No e-mail. */
  OFF = 'OFF',
}

export function isDeliveryMode(value: unknown): value is DeliveryMode {
  return typeof value === 'string' && (Object.values(DeliveryMode) as string[]).includes(value);
}

/**
 * What each role gets without having chosen (issue 20): operators hear at once of a
 * manager's question, their pépite and the result of a vote on what they co-authored;
 * managers of a pépin due within 24 hours, of its escalation and of an opened vote, and
 * the rest in the daily digest; admins of what is escalated to them and of a disabled
 * webhook, the rest in the digest.
 */
const AT_ONCE: Readonly<Record<string, readonly string[]>> = {
  OPERATOR: ['PEPIN_QUESTION', 'PEPIN_PUBLISHED', 'VOTE_CLOSED', 'PROPOSAL_PUBLISHED'],
  MANAGER: ['PEPIN_ACK_DUE_SOON', 'PEPIN_ACK_OVERDUE', 'VOTE_OPENED'],
  ADMIN: ['PEPIN_ACK_OVERDUE_ADMIN', 'WEBHOOK_DISABLED'],
};

/** Operators get no digest unless they ask for one; managers and admins do. */
const REST: Readonly<Record<string, DeliveryMode>> = {
  OPERATOR: DeliveryMode.OFF,
  MANAGER: DeliveryMode.DIGEST,
  ADMIN: DeliveryMode.DIGEST,
};

export function defaultMode(role: string, kind: string): DeliveryMode {
  if (AT_ONCE[role]?.includes(kind)) return DeliveryMode.IMMEDIATE;
  return REST[role] ?? DeliveryMode.OFF;
}

/** A person's choice for one kind, or the role's default when they made none. */
export function modeOf(role: string, kind: string, chosen: ReadonlyMap<string, DeliveryMode>): DeliveryMode {
  return chosen.get(kind) ?? defaultMode(role, kind);
}

/** The kinds each role can receive, in the order the preferences screen lists them. */
const OPERATOR_KINDS = [
  'PEPIN_QUESTION',
  'PEPIN_PUBLISHED',
  'VOTE_CLOSED',
  'PROPOSAL_PUBLISHED',
  'PEPIN_ACKNOWLEDGED',
  'PEPIN_DECLINED',
  'PEPIN_MARKED_DUPLICATE',
  'PEPIN_IN_DESIGN',
  'PEPIN_IN_VOTE',
  'PEPIN_ACK_LATE',
  'PROPOSAL_CO_AUTHOR_INVITED',
  'PROPOSAL_REVISED',
  'PROPOSAL_COMMENT_REPLIED',
  'LISTENING_SESSION_SCHEDULED',
  'LISTENING_SESSION_DONE',
  'LISTENING_SESSION_CANCELLED',
];
const MANAGER_KINDS = [
  'PEPIN_ACK_DUE_SOON',
  'PEPIN_ACK_OVERDUE',
  'VOTE_OPENED',
  'VOTE_CLOSED',
  'PEPIN_ANSWER',
  'PROPOSAL_CO_AUTHOR_INVITED',
  'PROPOSAL_REVISED',
  'PROPOSAL_COMMENT_REPLIED',
  'PROPOSAL_PUBLISHED',
  'LISTENING_SESSION_REQUESTED',
  'LISTENING_SESSION_CANCELLED',
];
const ADMIN_KINDS = ['PEPIN_ACK_OVERDUE_ADMIN', 'WEBHOOK_DISABLED', ...MANAGER_KINDS];

export function kindsFor(role: string): readonly string[] {
  if (role === 'OPERATOR') return OPERATOR_KINDS;
  if (role === 'ADMIN') return ADMIN_KINDS;
  return MANAGER_KINDS;
}
