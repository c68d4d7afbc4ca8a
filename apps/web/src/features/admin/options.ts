import type { Role } from '../../gql/graphql';

export const ROLES: readonly Role[] = ['OPERATOR', 'MANAGER', 'ADMIN'];
export const LOCALES = ['fr', 'en'] as const;
export type UserLocale = (typeof LOCALES)[number];

export function asLocale(value: string): UserLocale {
  return value === 'en' ? 'en' : 'fr';
}

/** Operators and managers belong to a team; admins may stand outside any. */
export function needsTeam(role: Role): boolean {
  return role !== 'ADMIN';
}
