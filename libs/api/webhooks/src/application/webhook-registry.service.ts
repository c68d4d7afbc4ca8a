import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { isUuid, JobQueue } from '@pepite/api/database';
import { AllowedTargets } from '../domain/target-address';
import { WEBHOOK_EVENTS, isWebhookEventType } from '../domain/webhook-event';
import { WebhookDeliveryEntity } from '../persistence/webhook-delivery.entity';
import { WebhookEntity } from '../persistence/webhook.entity';
import { WebhookErrors } from '../webhooks.errors';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks.options';
import { checkTarget, parseWebhookUrl } from './webhook-target';
import { displayedUrl } from './displayed-url';
import { WEBHOOK_DELIVERY_JOB } from './webhook-events.service';
import { auditWebhook } from './webhook-audit';

export type WebhookFormat = 'JSON' | 'TEAMS';

export interface RegisterWebhookCommand {
  readonly url: string;
  readonly events: readonly string[];
  readonly format: WebhookFormat;
}

/** A line of the delivery log: the delivery, and when it is tried next while it is pending. */
export interface LoggedDelivery {
  readonly delivery: WebhookDeliveryEntity;
  readonly nextAttemptAt: Date | null;
}

/** Deliveries an admin may page through at once. */
export const MAX_DELIVERIES_PAGE = 100;

/**
 * Admins register, list, switch on and off, and remove webhooks, and read their delivery log.
 * Each change writes its audit line in its own transaction; `adminId` null is the platform
 * acting (the demo's start).
 */
@Injectable()
export class WebhookRegistry {
  private readonly allowed: AllowedTargets;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    @Inject(WEBHOOKS_OPTIONS) options: WebhooksOptions,
  ) {
    this.allowed = new AllowedTargets(options.allowedTargets);
  }

  /** Registers a webhook and returns it with its signing secret, shown this once. */
  async register(adminId: string, command: RegisterWebhookCommand): Promise<{ webhook: WebhookEntity; secret: string }> {
    const { url, events } = await this.checked(command);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const webhook = await this.dataSource.transaction(async (tx) => {
      const repository = tx.getRepository(WebhookEntity);
      const saved = await repository.save(repository.create({ url, events, format: command.format, secret, createdBy: adminId }));
      await auditWebhook(this.audit, tx, { adminId, action: 'WEBHOOK_REGISTERED', webhookId: saved.id, url, details: { events, format: command.format } });
      return saved;
    });
    return { webhook, secret };
  }

  /** Changes where a webhook calls, what it hears of and in which format; its secret and log stay. */
  async update(adminId: string | null, id: string, command: RegisterWebhookCommand): Promise<WebhookEntity> {
    const webhook = await this.find(id);
    const { url, events } = await this.checked(command);
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(WebhookEntity).update({ id: webhook.id }, { url, events, format: command.format });
      const details = { previousUrl: displayedUrl(webhook.url), events, format: command.format };
      await auditWebhook(this.audit, tx, { adminId, action: 'WEBHOOK_UPDATED', webhookId: webhook.id, url, details });
    });
    return this.find(id);
  }

  /** The URL and events of a command, refused when malformed, unknown or internal and not allowed. */
  private async checked(command: RegisterWebhookCommand): Promise<{ url: string; events: string[] }> {
    const url = parseWebhookUrl(command.url.trim());
    if (!url) throw WebhookErrors.invalidUrl();
    const events = [...new Set(command.events)];
    const unknown = events.filter((event) => !isWebhookEventType(event));
    if (events.length === 0 || unknown.length > 0) {
      throw WebhookErrors.unknownEvents({ events: unknown.join(', ') || '—', known: WEBHOOK_EVENTS.join(', ') });
    }
    if (!(await checkTarget(url, this.allowed))) throw WebhookErrors.targetRefused({ host: url.hostname });
    return { url: url.toString(), events };
  }

  list(): Promise<WebhookEntity[]> {
    return this.dataSource.getRepository(WebhookEntity).find({ order: { createdAt: 'ASC' } });
  }

  /** Switches a webhook on (its failure count starts again) or off. */
  async setEnabled(adminId: string, id: string, enabled: boolean): Promise<WebhookEntity> {
    const webhook = await this.find(id);
    await this.dataSource.transaction(async (tx) => {
      await tx
        .getRepository(WebhookEntity)
        .update({ id: webhook.id }, enabled ? { enabled, consecutiveFailures: 0, disabledAt: null } : { enabled, disabledAt: new Date() });
      const action = enabled ? 'WEBHOOK_ENABLED' : 'WEBHOOK_DISABLED';
      await auditWebhook(this.audit, tx, { adminId, action, webhookId: webhook.id, url: webhook.url, details: { wasEnabled: webhook.enabled } });
    });
    return this.find(id);
  }

  async remove(adminId: string, id: string): Promise<boolean> {
    const webhook = await this.find(id);
    await this.dataSource.transaction(async (tx) => {
      const { affected } = await tx.getRepository(WebhookDeliveryEntity).delete({ webhookId: webhook.id });
      await tx.getRepository(WebhookEntity).delete({ id: webhook.id });
      await auditWebhook(this.audit, tx, { adminId, action: 'WEBHOOK_DELETED', webhookId: webhook.id, url: webhook.url, details: { deliveries: affected ?? 0 } });
    });
    return true;
  }

  /** The delivery log of one webhook, newest first, with when each delivery still pending is tried next. */
  async deliveries(id: string, first: number): Promise<LoggedDelivery[]> {
    const webhook = await this.find(id);
    const rows = await this.dataSource.getRepository(WebhookDeliveryEntity).find({
      where: { webhookId: webhook.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: Math.min(Math.max(first, 1), MAX_DELIVERIES_PAGE),
    });
    const pending = rows.filter((row) => row.status === 'PENDING').map((row) => row.id);
    // pg-boss holds the backoff schedule: its waiting job says when the next attempt is due.
    const next = await this.jobs.nextRuns(WEBHOOK_DELIVERY_JOB, 'deliveryId', pending);
    return rows.map((delivery) => ({ delivery, nextAttemptAt: next.get(delivery.id) ?? null }));
  }

  private async find(id: string): Promise<WebhookEntity> {
    const webhook = isUuid(id) ? await this.dataSource.getRepository(WebhookEntity).findOneBy({ id }) : null;
    if (!webhook) throw WebhookErrors.notFound();
    return webhook;
  }
}
