import { AUDIT_ENTITIES } from '@pepite/api/audit';
import { IDEMPOTENCY_ENTITIES } from '@pepite/api/database';
import { IDENTITY_ENTITIES } from '@pepite/api/identity';
import { NOTIFICATION_ENTITIES } from '@pepite/api/notifications';
import { PEPIN_ENTITIES } from '@pepite/api/pepins';
import { PROPOSAL_ENTITIES } from '@pepite/api/proposals';
import { RETURN_PATH_ENTITIES } from '@pepite/api/return-path';
import { RULEBOOK_ENTITIES } from '@pepite/api/rulebook';
import { VOTING_ENTITIES } from '@pepite/api/voting';
import { WEBHOOK_ENTITIES } from '@pepite/api/webhooks';
import { MIGRATIONS } from '@pepite/migrations';

/** Every table of every context: the composition root is the only place that knows them all. */
export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...RULEBOOK_ENTITIES, ...NOTIFICATION_ENTITIES, ...PEPIN_ENTITIES, ...AUDIT_ENTITIES, ...PROPOSAL_ENTITIES, ...VOTING_ENTITIES, ...IDEMPOTENCY_ENTITIES, ...RETURN_PATH_ENTITIES, ...WEBHOOK_ENTITIES];

export { MIGRATIONS };
