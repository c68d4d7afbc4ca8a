import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE, NotificationsService, renderNotification, type NotificationView } from '@pepite/api/notifications';
import { PepinTriage, type PepinStatus, type PepinView } from '@pepite/api/pepins';
import { RulebookPublisher } from '@pepite/api/rulebook';
import type { TestApi } from './test-api';
import { authenticated, type TestUser } from './test-world';
import { sampleRule } from './rulebook-fixtures';

/** The pépin fields most tests read. */
export const PEPIN_FIELDS = `id reference title description status customerImpact ruleKey ruleVersion ruleCategory noRuleApplies
  callReference signed supportCount ackDueAt acknowledgedAt overdue escalationLevel createdAt updatedAt
  reporter { id displayName } supporters { id displayName } duplicateOf { id reference }
  history { kind actorRole actorLabel actor { id displayName } fromStatus toStatus message at }`;

export const FILE_PEPIN = `mutation File($input: FilePepinInput!) { filePepin(input: $input) { ${PEPIN_FIELDS} } }`;
export const SUPPORT_PEPIN = `mutation Support($id: ID!, $signed: Boolean) { supportPepin(id: $id, signed: $signed) { ${PEPIN_FIELDS} } }`;
export const ACKNOWLEDGE_PEPIN = `mutation Ack($id: ID!, $message: String) { acknowledgePepin(id: $id, message: $message) { ${PEPIN_FIELDS} } }`;
export const DECLINE_PEPIN = `mutation Decline($id: ID!, $reason: String!) { declinePepin(id: $id, reason: $reason) { ${PEPIN_FIELDS} } }`;
export const MARK_DUPLICATE = `mutation Dup($id: ID!, $duplicateOf: ID!) { markDuplicate(id: $id, duplicateOf: $duplicateOf) { ${PEPIN_FIELDS} } }`;
export const PEPIN = `query Pepin($id: ID!) { pepin(id: $id) { ${PEPIN_FIELDS} } }`;

export interface PepinJson {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly status: PepinStatus;
  readonly supportCount: number;
  readonly callReference: string | null;
  readonly signed: boolean;
  readonly ackDueAt: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly acknowledgedAt: string | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
  readonly ruleKey: string | null;
  readonly ruleVersion: number | null;
  readonly ruleCategory: string | null;
  readonly noRuleApplies: boolean;
  readonly reporter: { id: string; displayName: string } | null;
  readonly supporters: { id: string; displayName: string }[];
  readonly duplicateOf: { id: string; reference: string } | null;
  readonly history: {
    kind: string;
    actorRole: string;
    actorLabel: string;
    actor: { id: string; displayName: string } | null;
    fromStatus: string | null;
    toStatus: string | null;
    message: string | null;
    at: string;
  }[];
}

/** Publishes rules (creations) as the next release; returns its version. */
export async function publishRules(api: TestApi, keys: string[], category = 'Remboursements'): Promise<number> {
  const release = await api.app
    .get(RulebookPublisher)
    .publish({ changes: keys.map((key) => ({ kind: 'CREATE' as const, rule: sampleRule(key, { category }) })) });
  return release.version;
}

/** Moves pépins through the service the proposals context will use (later statuses). */
export function moveTo(
  api: TestApi,
  manager: TestUser,
  ids: string[],
  to: PepinStatus,
  message: string | null = null,
): Promise<PepinView[]> {
  return api.app.get(PepinTriage).moveToStatus(ids, to, authenticated(manager), message);
}

/** A stored notification with its sentence as the renderer words it in each language. */
export type WordedNotification = NotificationView & { readonly text: { readonly fr: string; readonly en: string } };

export async function notificationsOf(api: TestApi, user: TestUser): Promise<readonly WordedNotification[]> {
  const { notifications } = await api.app.get(NotificationsService).list(user.id, { first: 100 });
  const reader = (locale: 'fr' | 'en') => ({ locale, role: user.role, timeZone: DEFAULT_TIME_ZONE });
  return notifications.map((notification) => ({
    ...notification,
    text: {
      fr: renderNotification(notification, reader('fr')).body,
      en: renderNotification(notification, reader('en')).body,
    },
  }));
}

export function sql<T = Record<string, unknown>>(
  api: TestApi,
  query: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  return api.app.get(DataSource).query(query, parameters);
}
