import type { RuleEntry } from '@pepite/rulebook-format';
import type { RuleInForce } from '../domain/release-plan';
import type { RuleVersionEntity } from './rule-version.entity';

/** A stored rule version as the feed writes it. */
export function ruleEntryOf(row: RuleVersionEntity): RuleEntry {
  return {
    key: row.ruleKey,
    category: row.category,
    revision: row.revision,
    title: row.title,
    statement: row.statement,
    rationale: row.rationale,
    latitude: row.latitude,
    escalation: row.escalation,
    customerWording: row.customerWording,
    tags: row.tags,
    effectiveFrom: row.effectiveFrom,
  };
}

export function ruleInForceOf(row: RuleVersionEntity): RuleInForce {
  return { entry: ruleEntryOf(row), versionId: row.id };
}
