import { CommonErrors } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';

// What a publication is asked for and answers, its settings and its job's payload.

export const PUBLICATION_OPTIONS = Symbol('PUBLICATION_OPTIONS');

export interface PublicationOptions {
  /** Refuse to publish a proposal whose only author is the publisher (on by default). */
  readonly fourEyes: boolean;
}

export const SCHEDULED_PROPOSAL_RELEASE_JOB = 'proposals.scheduled-release';
export const RELEASE_AUDIT_SUBJECT = 'RELEASE';
/** A rollback says why, in a real sentence. */
export const MIN_ROLLBACK_REASON = 10;
export const MAX_ROLLBACK_REASON = 2000;

export interface PublishReleaseCommand {
  readonly proposalIds: readonly string[];
  readonly notes?: string | null;
  /** Changed rules flagged "lecture obligatoire" (issue 19). */
  readonly mandatoryRuleKeys?: readonly string[] | null;
  /** A retry with the same key gets the same release back and publishes nothing more (24 h). */
  readonly idempotencyKey?: string | null;
}

/** The proposals as a set: the order they are given in does not make another request. */
export const proposalSet = (ids: readonly string[]) => [...new Set(ids.map((id) => id.trim().toLowerCase()))].sort();

/** What a publication made (the rulebook's release, as its version). */
export interface PublishedRelease {
  readonly version: number;
}

export interface ScheduledRelease {
  readonly proposalIds: string[];
  readonly notes: string | null;
  /** Absent from jobs queued before issue 19. */
  readonly mandatoryRuleKeys?: readonly string[];
  readonly requestedBy: string;
  readonly requestedByRole: Role;
}

export type Publisher =
  | { readonly kind: 'user'; readonly user: AuthenticatedUser }
  | { readonly kind: 'system'; readonly requestedBy: string };

export function assertManagerOrAdmin(actor: AuthenticatedUser): void {
  if (actor.role !== Role.MANAGER && actor.role !== Role.ADMIN) throw CommonErrors.forbidden();
}

/**
 * The mandatory keys as part of a keyed request's fingerprint, only when some are given: a
 * retry of a publication keyed before issue 19 still matches its first attempt.
 */
export function mandatoryField(keys: readonly string[] | null | undefined): { mandatoryRuleKeys?: string[] } {
  return keys && keys.length > 0 ? { mandatoryRuleKeys: [...new Set(keys)].sort() } : {};
}
