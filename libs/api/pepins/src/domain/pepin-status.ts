/** Where a pépin stands (docs/design.md, "Lifecycles"). */
export enum PepinStatus {
  NEW = 'NEW',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_DESIGN = 'IN_DESIGN',
  IN_VOTE = 'IN_VOTE',
  PUBLISHED = 'PUBLISHED',
  DECLINED = 'DECLINED',
  DUPLICATE = 'DUPLICATE',
}

export const ALL_PEPIN_STATUSES: readonly PepinStatus[] = Object.values(PepinStatus);

/** Still being worked on: operators can support it, it can absorb duplicates, it shows in "similar pépins". */
export const OPEN_STATUSES: readonly PepinStatus[] = [
  PepinStatus.NEW,
  PepinStatus.ACKNOWLEDGED,
  PepinStatus.IN_DESIGN,
  PepinStatus.IN_VOTE,
];

export function isOpen(status: PepinStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** How much the rule cost the customer, as the operator judged it. */
export enum CustomerImpact {
  NONE = 'NONE',
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
  CRITICAL = 'CRITICAL',
}
