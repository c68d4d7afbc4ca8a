import type { EntityManager } from 'typeorm';
import type { AuditLog } from '@pepite/api/audit';
import { displayedUrl } from './displayed-url';

export const WEBHOOK_SUBJECT = 'WEBHOOK';

export type WebhookAuditAction = 'WEBHOOK_REGISTERED' | 'WEBHOOK_UPDATED' | 'WEBHOOK_ENABLED' | 'WEBHOOK_DISABLED' | 'WEBHOOK_DELETED' | 'WEBHOOK_AUTO_DISABLED';

const SUMMARIES: Record<WebhookAuditAction, (url: string) => { fr: string; en: string }> = {
  WEBHOOK_REGISTERED: (url) => ({ fr: `Webhook enregistré vers ${url}.`, en: `Webhook registered to ${url}.` }),
  WEBHOOK_UPDATED: (url) => ({ fr: `Webhook modifié : il appelle ${url}.`, en: `Webhook changed: it calls ${url}.` }),
  WEBHOOK_ENABLED: (url) => ({ fr: `Webhook vers ${url} réactivé.`, en: `Webhook to ${url} enabled again.` }),
  WEBHOOK_DISABLED: (url) => ({ fr: `Webhook vers ${url} désactivé.`, en: `Webhook to ${url} disabled.` }),
  WEBHOOK_DELETED: (url) => ({ fr: `Webhook vers ${url} supprimé, avec son journal.`, en: `Webhook to ${url} deleted, with its log.` }),
  WEBHOOK_AUTO_DISABLED: (url) => ({
    fr: `Webhook vers ${url} désactivé après des échecs répétés.`,
    en: `Webhook to ${url} disabled after repeated failures.`,
  }),
};

/**
 * One audit line per change to a webhook, in the change's transaction. `adminId` null: the
 * platform acted (the demo's start, or failures in a row). The URL is shown shortened, as in
 * notifications: a Teams URL carries its key in the path. Never the secret.
 */
export async function auditWebhook(
  audit: AuditLog,
  tx: EntityManager,
  entry: { adminId: string | null; action: WebhookAuditAction; webhookId: string; url: string; details?: Record<string, unknown> },
): Promise<void> {
  await audit.record(
    {
      actorRole: entry.adminId ? 'ADMIN' : 'SYSTEM',
      actorId: entry.adminId,
      action: entry.action,
      subjectType: WEBHOOK_SUBJECT,
      subjectId: entry.webhookId,
      summary: SUMMARIES[entry.action](displayedUrl(entry.url)),
      details: { url: displayedUrl(entry.url), ...entry.details },
    },
    tx,
  );
}
