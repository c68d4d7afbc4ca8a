import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { JobQueue } from '@pepite/api/database';
import { Role, UserDirectoryService } from '@pepite/api/identity';
import { NotificationsService } from '@pepite/api/notifications';
import { AllowedTargets } from '../domain/target-address';
import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from '../domain/webhook-signature';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks.options';
import { WEBHOOK_DELIVERY_JOB } from './webhook-events.service';
import { checkTarget, parseWebhookUrl, pinnedLookup } from './webhook-target';
import { displayedUrl } from './displayed-url';
import { auditWebhook } from './webhook-audit';

interface LockedDelivery {
  id: string;
  webhook_id: string;
  event_type: string;
  body: string;
  status: string;
  attempts: number;
  url: string;
  secret: string;
  enabled: boolean;
}

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Sends deliveries, one pg-boss job each. The delivery row is locked while its request is
 * in flight and its outcome written in the same transaction: an instance killed mid-send
 * leaves it PENDING, and pg-boss runs the job again. A failure throws so pg-boss retries
 * with exponential backoff; after `maxAttempts` the delivery is FAILED, and after
 * `disableAfterFailures` failures in a row the webhook is disabled and every admin told.
 * Receivers drop repeats by `X-Pepite-Delivery`.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly allowed: AllowedTargets;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly directory: UserDirectoryService,
    private readonly audit: AuditLog,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {
    this.allowed = new AllowedTargets(options.allowedTargets);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.work<{ deliveryId: string }>(WEBHOOK_DELIVERY_JOB, ({ deliveryId }) => this.deliver(deliveryId));
  }

  /** One attempt at one delivery; throws when it should be tried again. */
  async deliver(deliveryId: string): Promise<void> {
    const retry = await this.dataSource.transaction(async (tx) => {
      const rows: LockedDelivery[] = await tx.query(
        `SELECT d.id, d.webhook_id, d.event_type, d.body, d.status, d.attempts, w.url, w.secret, w.enabled
           FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
          WHERE d.id = $1 FOR UPDATE OF d`,
        [deliveryId],
      );
      const delivery = rows[0];
      if (!delivery || delivery.status !== 'PENDING') return false;
      if (!delivery.enabled) {
        await finish(tx, delivery.id, 'FAILED', { ok: false, status: null, error: 'webhook disabled' });
        return false;
      }
      const attempt = await this.post(delivery);
      if (attempt.ok) {
        await finish(tx, delivery.id, 'DELIVERED', attempt);
        await tx.query('UPDATE webhook SET consecutive_failures = 0 WHERE id = $1', [delivery.webhook_id]);
        return false;
      }
      // TypeORM answers an UPDATE with [rows, row count].
      const [[counted]]: [{ consecutive_failures: number }[], number] = await tx.query(
        'UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures',
        [delivery.webhook_id],
      );
      const failures = counted?.consecutive_failures ?? 0;
      if (failures >= this.options.disableAfterFailures) {
        await finish(tx, delivery.id, 'FAILED', attempt);
        await this.disable(tx, delivery, failures);
        return false;
      }
      if (delivery.attempts + 1 >= this.options.maxAttempts) {
        await finish(tx, delivery.id, 'FAILED', attempt);
        return false;
      }
      await finish(tx, delivery.id, 'PENDING', attempt);
      return true;
    });
    if (retry) throw new Error(`webhook delivery ${deliveryId} failed; pg-boss tries again`);
  }

  private async disable(tx: EntityManager, delivery: LockedDelivery, failures: number): Promise<void> {
    const [rows]: [unknown[], number] = await tx.query(
      'UPDATE webhook SET enabled = false, disabled_at = now() WHERE id = $1 AND enabled RETURNING id',
      [delivery.webhook_id],
    );
    if (rows.length === 0) return;
    this.logger.warn(`webhook ${delivery.webhook_id} disabled after ${failures} failures in a row`);
    await auditWebhook(this.audit, tx, { adminId: null, action: 'WEBHOOK_AUTO_DISABLED', webhookId: delivery.webhook_id, url: delivery.url, details: { failures } });
    const admins = (await this.directory.listUsers()).filter((user) => user.active && user.role === Role.ADMIN);
    await this.notifications.notify(
      {
        recipientIds: admins.map((admin) => admin.id),
        kind: 'WEBHOOK_DISABLED',
        subjectType: 'WEBHOOK',
        subjectId: delivery.webhook_id,
        params: { url: displayedUrl(delivery.url), failures },
      },
      tx,
    );
  }

  private async post(delivery: LockedDelivery): Promise<Attempt> {
    const url = parseWebhookUrl(delivery.url);
    const target = url ? await checkTarget(url, this.allowed) : null;
    if (!target) return { ok: false, status: null, error: 'target refused (internal address, or the host cannot be found)' };
    const timestamp = Math.floor(Date.now() / 1000);
    const body = Buffer.from(delivery.body, 'utf8');
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
      'user-agent': 'Pepite-Webhooks/1',
      'x-pepite-event': delivery.event_type,
      'x-pepite-delivery': delivery.id,
      [TIMESTAMP_HEADER.toLowerCase()]: String(timestamp),
      [SIGNATURE_HEADER.toLowerCase()]: signPayload(delivery.secret, timestamp, delivery.body),
    };
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Attempt>((resolve) => {
      const request = send(target.url, { method: 'POST', headers, lookup: pinnedLookup(target), timeout: this.options.timeoutMs }, (response: IncomingMessage) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () =>
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` }),
        );
        response.on('error', (error) => resolve({ ok: false, status, error: error.message }));
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)));
      request.on('error', (error) => resolve({ ok: false, status: null, error: error.message }));
      request.end(body);
    });
  }
}

async function finish(tx: EntityManager, id: string, status: string, attempt: Attempt): Promise<void> {
  await tx.query(
    `UPDATE webhook_delivery SET status = $2::varchar, attempts = attempts + 1, last_attempt_at = now(),
            last_response_status = $3::int, last_error = $4::text,
            delivered_at = CASE WHEN $2::varchar = 'DELIVERED' THEN now() ELSE delivered_at END
      WHERE id = $1`,
    [id, status, attempt.status, attempt.ok ? null : attempt.error.slice(0, 500)],
  );
}
