import type { Role } from '@pepite/api/identity';
import type { ProposalToPublish } from '../domain/publication-plan';
import { RELEASE_AUDIT_SUBJECT, type Publisher } from './publication-commands';

/** The rule keys a release added, amended and retired. */
export interface ReleaseChangelog {
  readonly added: readonly string[];
  readonly amended: readonly string[];
  readonly retired: readonly string[];
}

/** The audit log's line for a release: who published (or the scheduler), which proposals, what changed. */
export function releaseAuditEntry(
  by: Publisher,
  version: number,
  weighed: readonly ProposalToPublish[],
  answers: readonly string[],
  changelog: ReleaseChangelog,
) {
  const actor =
    by.kind === 'user'
      ? { actorRole: by.user.role as Role, actorId: by.user.id as string | null }
      : { actorRole: 'SYSTEM' as const, actorId: null };
  const references = weighed.map((p) => p.reference);
  return {
    ...actor,
    action: 'RELEASE_PUBLISHED',
    subjectType: RELEASE_AUDIT_SUBJECT,
    subjectId: String(version),
    summary: {
      fr: `Version ${version} du règlement publiée : ${references.join(', ')}.`,
      en: `Rulebook release ${version} published: ${references.join(', ')}.`,
    },
    details: {
      version,
      proposals: references,
      answers: [...answers],
      added: [...changelog.added],
      amended: [...changelog.amended],
      retired: [...changelog.retired],
      ...(by.kind === 'system' ? { scheduledBy: by.requestedBy } : {}),
    },
  };
}
