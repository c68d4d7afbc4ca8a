import type { PepinPayload } from '@pepite/api/webhooks';
import { referenceOf, type Pepin } from '../domain/pepin';
import type { PepinStatus } from '../domain/pepin-status';

/**
 * A pépin as webhooks describe it (docs/webhooks.md): never who filed or supported it,
 * signed or not, since receivers are read by managers.
 */
export function pepinPayload(pepin: Pepin, status: PepinStatus = pepin.status): PepinPayload {
  return {
    id: pepin.id,
    reference: referenceOf(pepin),
    title: pepin.title,
    status,
    siteId: pepin.siteId,
    ruleKey: pepin.ruleKey,
    ruleVersion: pepin.ruleVersion,
    noRuleApplies: pepin.noRuleApplies,
    customerImpact: pepin.customerImpact ?? null,
    ackDueAt: pepin.ackDueAt.toISOString(),
  };
}
