import { registerEnumType } from '@nestjs/graphql';
import type { AuditActorRole } from '../domain/audit-entry';

/** The domain's actor roles as a GraphQL enum (same names, same values). */
export const AuditActorRoleEnum = {
  OPERATOR: 'OPERATOR',
  MANAGER: 'MANAGER',
  ADMIN: 'ADMIN',
  SYSTEM: 'SYSTEM',
} as const satisfies { [R in AuditActorRole]: R };

registerEnumType(AuditActorRoleEnum, {
  name: 'AuditActorRole',
  description: 'In which capacity an audited action was done.',
  valuesMap: {
    OPERATOR: { description: 'An operator; named only when they chose to sign the action.' },
    MANAGER: { description: 'A manager.' },
    ADMIN: { description: 'An administrator.' },
    SYSTEM: { description: 'The application itself: a scheduled job or a deadline.' },
  },
});
