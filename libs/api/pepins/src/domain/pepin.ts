import { pepinReference } from './pepin-reference';
import { PepinStatus, type CustomerImpact } from './pepin-status';

/**
 * A pépin as the application layer holds it. `reporterId` is here because notifications
 * and "my pépins" need it; the views built for anybody else leave it out.
 */
export interface Pepin {
  readonly id: string;
  readonly number: string;
  readonly siteId: string;
  readonly teamId: string | null;
  readonly reporterId: string;
  readonly signed: boolean;
  readonly title: string;
  readonly description: string;
  readonly customerImpact: CustomerImpact;
  readonly ruleKey: string | null;
  readonly ruleVersion: number | null;
  readonly ruleCategory: string | null;
  readonly noRuleApplies: boolean;
  readonly callReference: string | null;
  readonly status: PepinStatus;
  readonly ackDueAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly escalationLevel: number;
  readonly supportCount: number;
  readonly duplicateOf: string | null;
  readonly idempotencyKey: string | null;
  readonly contentHash: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What the reporter wrote: the pépin's own words and the rule it is about. */
export type PepinReport = Pick<
  Pepin,
  'title' | 'description' | 'customerImpact' | 'ruleKey' | 'ruleVersion' | 'ruleCategory' | 'noRuleApplies'
>;

export function referenceOf(pepin: Pick<Pepin, 'number'>): string {
  return pepinReference(pepin.number);
}

/** Acknowledgement is late: still NEW after its due date. */
export function isOverdue(pepin: Pick<Pepin, 'status' | 'ackDueAt'>, now: Date): boolean {
  return pepin.status === PepinStatus.NEW && pepin.ackDueAt.getTime() < now.getTime();
}
