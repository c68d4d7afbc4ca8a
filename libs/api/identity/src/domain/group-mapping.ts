import { Role } from './role';

export interface GroupMapping {
  readonly group: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId: string | null;
}

const RANK: Readonly<Record<Role, number>> = { [Role.OPERATOR]: 0, [Role.MANAGER]: 1, [Role.ADMIN]: 2 };

/**
 * What a person's groups give them: of the mappings whose group they are in, the one with
 * the highest role (a team leader who is also in the operators' group is a manager); on a
 * tie, the first group in alphabetical order, so that the answer never depends on the
 * order the provider lists groups in. Null when none of their groups is mapped.
 */
export function chooseMapping<M extends GroupMapping>(groups: readonly string[], mappings: readonly M[]): M | null {
  const held = new Set(groups);
  let best: M | null = null;
  for (const mapping of mappings) {
    if (!held.has(mapping.group)) continue;
    if (
      best === null ||
      RANK[mapping.role] > RANK[best.role] ||
      (RANK[mapping.role] === RANK[best.role] && mapping.group < best.group)
    ) {
      best = mapping;
    }
  }
  return best;
}

/**
 * The groups claim as a list of strings. Entra ID replaces the claim by `_claim_names`
 * when a person is in more than 200 groups ("overage"): that is reported, not guessed.
 */
export function groupsFromClaims(claims: Readonly<Record<string, unknown>>, claimName: string): readonly string[] | 'overage' {
  const value = claims[claimName];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value === 'string') return [value];
  const names = claims['_claim_names'];
  if (names && typeof names === 'object' && claimName in names) return 'overage';
  return [];
}
