import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobQueue } from '@pepite/api/database';
import { DomainError } from '@pepite/api/errors';
import { ScheduledPublicationEntity } from '../persistence/scheduled-publication.entity';
import { RulebookErrors } from '../rulebook.errors';
import { RulebookPublisher, type PublishInput } from './rulebook-publisher.service';

export const SCHEDULED_PUBLICATION_JOB = 'rulebook.scheduled-publication';

/**
 * A release asked for later. The request and its durable job are written in one
 * transaction; at `effectiveAt` a worker (on any instance) publishes it as the next
 * version. A publication that no longer applies (its rule was retired meanwhile) is
 * marked FAILED with the reason rather than retried forever.
 */
@Injectable()
export class ScheduledPublications implements OnModuleInit {
  private readonly logger = new Logger(ScheduledPublications.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly publisher: RulebookPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<{ id: string }>(SCHEDULED_PUBLICATION_JOB, ({ id }) => this.run(id));
  }

  async schedule(input: PublishInput & { effectiveAt: Date }): Promise<ScheduledPublicationEntity> {
    if (!(input.effectiveAt.getTime() > Date.now())) throw RulebookErrors.effectiveAtInPast();
    this.publisher.validateChanges(input.changes);
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.save(
        tx.create(ScheduledPublicationEntity, {
          effectiveAt: input.effectiveAt,
          changes: [...input.changes],
          notes: input.notes?.trim() || null,
          answers: [...(input.answers ?? [])],
          requestedBy: input.publishedBy ?? null,
          status: 'PENDING',
        }),
      );
      await this.jobs.enqueue(SCHEDULED_PUBLICATION_JOB, { id: row.id }, { startAfter: input.effectiveAt, singletonKey: row.id, transaction: tx });
      return row;
    });
  }

  pending(): Promise<ScheduledPublicationEntity[]> {
    return this.dataSource.getRepository(ScheduledPublicationEntity).find({ where: { status: 'PENDING' }, order: { effectiveAt: 'ASC' } });
  }

  get(id: string): Promise<ScheduledPublicationEntity | null> {
    return this.dataSource.getRepository(ScheduledPublicationEntity).findOneBy({ id });
  }

  /** Idempotent: the row lock and status make a redelivered job a no-op. */
  private async run(id: string): Promise<void> {
    let failure: DomainError | undefined;
    await this.dataSource.transaction(async (tx) => {
      const row = await tx.getRepository(ScheduledPublicationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.status !== 'PENDING') return;
      try {
        const release = await this.publisher.publish(
          { changes: row.changes, notes: row.notes, answers: row.answers, publishedBy: row.requestedBy },
          tx,
        );
        await tx.update(ScheduledPublicationEntity, { id }, { status: 'PUBLISHED', releaseVersion: release.version });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failure = error;
        throw error;
      }
    }).catch((error: unknown) => {
      if (error !== failure) throw error;
    });
    if (failure) {
      this.logger.warn(`scheduled publication ${id} cannot apply: ${failure.message}`);
      await this.dataSource.getRepository(ScheduledPublicationEntity).update({ id, status: 'PENDING' }, { status: 'FAILED', failure: failure.messageIn('fr') });
      return;
    }
    // The release was committed in our transaction: let this instance's clients hear it now.
    await this.publisher.announce();
  }
}
