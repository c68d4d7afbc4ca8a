import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock, JobQueue } from '@pepite/api/database';
import { teamsCard } from '../domain/teams-card';
import { PAYLOAD_VERSION, pageOf, type WebhookEnvelope, type WebhookEvent } from '../domain/webhook-event';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks.options';

export const WEBHOOK_DELIVERY_JOB = 'webhooks.deliver';

/** Beyond the receiver's timeout: locking the row, connecting, writing the outcome. */
const EXPIRY_MARGIN_SECONDS = 15;

/**
 * What other contexts call when something a receiver may hear of happens. In the caller's
 * transaction: one delivery row and one pg-boss job per subscribed webhook, so an event that
 * rolls back is never sent, and one that commits is never lost.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  async publish(event: WebhookEvent, manager?: EntityManager): Promise<void> {
    const run = async (tx: EntityManager) => {
      const targets: { id: string; format: string }[] = await tx.query(
        'SELECT id, format FROM webhook WHERE enabled AND $1 = ANY(events) ORDER BY created_at',
        [event.type],
      );
      if (targets.length === 0) return;
      const envelope: WebhookEnvelope = {
        id: randomUUID(),
        type: event.type,
        version: PAYLOAD_VERSION,
        occurredAt: this.clock.now().toISOString(),
        url: pageOf(event, this.options.publicUrl),
        data: event.data,
      };
      for (const target of targets) {
        const body = JSON.stringify(target.format === 'TEAMS' ? teamsCard(envelope) : envelope);
        const [row]: { id: string }[] = await tx.query(
          'INSERT INTO webhook_delivery (webhook_id, event_id, event_type, body) VALUES ($1, $2, $3, $4) RETURNING id',
          [target.id, envelope.id, event.type, body],
        );
        await this.jobs.enqueue(
          WEBHOOK_DELIVERY_JOB,
          { deliveryId: row?.id },
          {
            transaction: tx,
            retryLimit: this.options.maxAttempts - 1,
            retryDelaySeconds: this.options.retryDelaySeconds,
            // An attempt lasts at most the receiver's timeout: a job running longer died with its
            // instance (the delivery row, unlocked, is still PENDING), and pg-boss runs it again.
            expireInSeconds: Math.ceil(this.options.timeoutMs / 1000) + EXPIRY_MARGIN_SECONDS,
          },
        );
      }
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }
}
