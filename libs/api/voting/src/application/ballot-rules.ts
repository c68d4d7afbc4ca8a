import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { VOTE_LIMITS, VoteChoice } from '../domain/vote';
import { VotingErrors } from '../voting.errors';

export function assertManagerOrAdmin(caller: AuthenticatedUser): void {
  if (caller.role !== Role.MANAGER && caller.role !== Role.ADMIN) throw VotingErrors.notManagerOfSite();
}

/** The trimmed reason: required (10+ characters) for REJECT, optional otherwise. */
export function reasonOf(choice: VoteChoice, reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim().replace(/\s+/g, ' ');
  const length = [...text].length;
  if (length > VOTE_LIMITS.maxReasonLength) throw VotingErrors.reasonTooLong({ max: VOTE_LIMITS.maxReasonLength });
  if (choice === VoteChoice.REJECT && length < VOTE_LIMITS.minReasonLength) {
    throw VotingErrors.reasonRequired({ min: VOTE_LIMITS.minReasonLength, max: VOTE_LIMITS.maxReasonLength });
  }
  return text === '' ? null : text;
}

/** A deadline in the future, at most `VOTE_LIMITS.maxDurationMs` ahead of `now`. */
export function assertDeadline(closesAt: Date, now: Date): void {
  if (
    !(closesAt instanceof Date) ||
    Number.isNaN(closesAt.getTime()) ||
    closesAt <= now ||
    closesAt.getTime() - now.getTime() > VOTE_LIMITS.maxDurationMs
  ) {
    throw VotingErrors.closesAtInvalid({ maxDays: VOTE_LIMITS.maxDurationMs / 86_400_000 });
  }
}
