import { VotingErrors } from '../voting.errors';

export { IDEMPOTENCY_KEY_DESCRIPTION, keyedRequest } from '@pepite/api/database';

/** What a reused key with other input gets, in this context's words. */
export const idempotencyConflict = (): Error => VotingErrors.idempotencyConflict();
