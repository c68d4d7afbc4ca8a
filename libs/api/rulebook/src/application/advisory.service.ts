import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WebhookEvents } from '@pepite/api/webhooks';
import type { DataSource, EntityManager } from 'typeorm';
import { IDEMPOTENCY_KEY_FORMAT, runIdempotent } from '@pepite/api/database';
import { advisoryBytes, type AdvisoryEntry } from '@pepite/rulebook-format';
import { randomUUID, sign } from 'node:crypto';
import { AdvisoryEntity } from '../persistence/advisory.entity';
import { advisoryEntryOf } from '../persistence/advisory-rows';
import { bumpCounter, rulesInForce } from '../persistence/rulebook-store';
import { RulebookErrors } from '../rulebook.errors';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';
import { RULEBOOK_CHANNEL } from './release-writer';
import { RulebookEventHub } from './rulebook-event-hub';

export interface AdvisoryInput {
  readonly ruleKey: string;
  readonly message: string;
  readonly expiresAt: Date;
  readonly publishedBy?: string | null;
  /** With `publishedBy`: a retry with the same key gets the same advisory back and publishes nothing more (24 h). */
  readonly idempotencyKey?: string | null;
  /** "Lecture obligatoire" (issue 19): each operator acknowledges it on their desktop. */
  readonly mandatory?: boolean | null;
}

const MAX_ADVISORY_DAYS = 90;

@Injectable()
export class AdvisoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RULEBOOK_OPTIONS) private readonly options: RulebookOptions,
    private readonly hub: RulebookEventHub,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Signed like a release and numbered under the same lock, so the live feed orders them exactly. */
  async publishAdvisory(input: AdvisoryInput): Promise<AdvisoryEntry> {
    const message = input.message.trim();
    if (message.length < 10 || message.length > 2000) throw RulebookErrors.advisoryMessage();
    const now = Date.now();
    const expiry = input.expiresAt.getTime();
    if (!(expiry > now) || expiry > now + MAX_ADVISORY_DAYS * 86_400_000) throw RulebookErrors.advisoryExpiry();
    const key = input.idempotencyKey?.trim();
    if (key && !IDEMPOTENCY_KEY_FORMAT.test(key)) throw RulebookErrors.idempotencyKeyFormat();
    const publish = async (tx: EntityManager): Promise<AdvisoryEntry> => {
      const counter = await bumpCounter(tx, 'last_advisory_seq');
      const inForce = await rulesInForce(tx, counter.lastRelease);
      if (!inForce.has(input.ruleKey)) throw RulebookErrors.ruleNotInForce({ key: input.ruleKey });
      const row = tx.create(AdvisoryEntity, {
        id: randomUUID(),
        seq: counter.lastAdvisorySeq,
        ruleKey: input.ruleKey,
        message,
        publishedAt: new Date(now),
        expiresAt: new Date(expiry),
        releaseVersion: counter.lastRelease,
        publishedBy: input.publishedBy ?? null,
        supersededBy: null,
        mandatory: input.mandatory === true,
        signature: '',
      });
      const unsigned = advisoryEntryOf(row);
      row.signature = sign(null, Buffer.from(advisoryBytes(unsigned)), this.options.signingKey).toString('base64');
      await tx.insert(AdvisoryEntity, row);
      await tx.query('SELECT pg_notify($1, $2)', [RULEBOOK_CHANNEL, `advisory:${counter.lastAdvisorySeq}`]);
      await this.webhooks.publish(
        {
          type: 'advisory.published',
          data: { advisory: { id: row.id, ruleKey: row.ruleKey, message, expiresAt: row.expiresAt.toISOString() } },
        },
        tx,
      );
      return { ...unsigned, signature: row.signature };
    };
    if (!key || !input.publishedBy) {
      const advisory = await this.dataSource.transaction(publish);
      await this.hub.catchUp();
      return advisory;
    }
    const outcome = await runIdempotent(
      this.dataSource,
      {
        scope: 'publishAdvisory',
        ownerId: input.publishedBy,
        key,
        request: { ruleKey: input.ruleKey, message, expiresAt: new Date(expiry).toISOString(), mandatory: input.mandatory === true },
      },
      () => RulebookErrors.idempotencyConflict(),
      async (tx) => {
        const advisory = await publish(tx);
        return { value: advisory, result: { advisoryId: advisory.id } };
      },
    );
    if (outcome.replayed) {
      const row = await this.dataSource.manager.findOneBy(AdvisoryEntity, { id: outcome.result.advisoryId });
      if (!row) throw new Error('publishAdvisory: idempotency record without its advisory');
      return advisoryEntryOf(row);
    }
    await this.hub.catchUp();
    return outcome.value;
  }
}
