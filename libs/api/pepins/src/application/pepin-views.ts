import type { AuthenticatedUser } from '@pepite/api/identity';
import type { Locale } from '@pepite/api/errors';
import { isOverdue, referenceOf, type Pepin, type PepinReport } from '../domain/pepin';

/** Who looks at a pépin, and in which capacity: decides what they may see of it. */
export interface PepinViewer {
  readonly userId: string;
  readonly locale: Locale;
  /** The operator who filed it. */
  readonly isReporter: boolean;
  /** An operator who said "me too". */
  readonly isSupporter: boolean;
  /** A manager of its site, or an admin. */
  readonly canManage: boolean;
}

/**
 * A pépin as one viewer may see it. There is no reporter id here: only `signedReporterId`,
 * set when the operator chose to sign. Everything built for GraphQL starts from this.
 */
export type PepinView = PepinReport &
  Pick<
    Pepin,
    | 'id'
    | 'siteId'
    | 'status'
    | 'ackDueAt'
    | 'acknowledgedAt'
    | 'escalationLevel'
    | 'supportCount'
    | 'duplicateOf'
    | 'signed'
    | 'createdAt'
    | 'updatedAt'
  > & {
    readonly reference: string;
    /** The reporter's own call: it would name them, so only when signed or to the reporter. */
    readonly callReference: string | null;
    readonly overdue: boolean;
    readonly signedReporterId: string | null;
    readonly viewer: PepinViewer;
  };

/** A manager of the pépin's site, or an admin (any site): the identity context's rule. */
export { managesSite as canManage } from '@pepite/api/identity';

export function managerViewer(user: AuthenticatedUser): PepinViewer {
  return { userId: user.id, locale: user.locale, isReporter: false, isSupporter: false, canManage: true };
}

export function pepinView(pepin: Pepin, viewer: PepinViewer, now = new Date()): PepinView {
  return {
    id: pepin.id,
    reference: referenceOf(pepin),
    siteId: pepin.siteId,
    title: pepin.title,
    description: pepin.description,
    customerImpact: pepin.customerImpact,
    ruleKey: pepin.ruleKey,
    ruleVersion: pepin.ruleVersion,
    ruleCategory: pepin.ruleCategory,
    noRuleApplies: pepin.noRuleApplies,
    callReference: pepin.signed || viewer.isReporter ? pepin.callReference : null,
    status: pepin.status,
    ackDueAt: pepin.ackDueAt,
    acknowledgedAt: pepin.acknowledgedAt,
    overdue: isOverdue(pepin, now),
    escalationLevel: pepin.escalationLevel,
    supportCount: pepin.supportCount,
    duplicateOf: pepin.duplicateOf,
    signed: pepin.signed,
    signedReporterId: pepin.signed ? pepin.reporterId : null,
    createdAt: pepin.createdAt,
    updatedAt: pepin.updatedAt,
    viewer,
  };
}
