import type { Role } from '../../gql/graphql';

interface Linkable {
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly params: Record<string, unknown>;
}

export interface NotificationTarget {
  readonly to: string;
  /** Key under notifications.open. */
  readonly kind: 'PEPIN' | 'PROPOSAL' | 'LISTENING_SESSION';
}

/** Operators follow a pépin in "my pépins", managers in triage. */
function pepinPath(role: Role, id: string): string {
  return role === 'OPERATOR' ? `/my-pepins/${id}` : `/triage/${id}`;
}

/** Where a notification leads, from its subject (a double écoute names its pépin in params). */
export function notificationTarget(notification: Linkable, role: Role): NotificationTarget | null {
  const id = notification.subjectId;
  switch (notification.subjectType) {
    case 'PEPIN':
      return id ? { to: pepinPath(role, id), kind: 'PEPIN' } : null;
    case 'PROPOSAL':
      return id ? { to: `/proposals/${id}`, kind: 'PROPOSAL' } : null;
    case 'LISTENING_SESSION': {
      const pepinId = notification.params['pepinId'];
      return typeof pepinId === 'string' ? { to: pepinPath(role, pepinId), kind: 'LISTENING_SESSION' } : null;
    }
    default:
      return null;
  }
}
