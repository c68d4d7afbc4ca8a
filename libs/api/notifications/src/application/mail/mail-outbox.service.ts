import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@pepite/api/database';
import { UserDirectoryService, type UserEntity } from '@pepite/api/identity';
import { DeliveryMode, modeOf } from '../../domain/mail/delivery-preferences';
import { latestDigestPeriod } from '../../domain/mail/digest-period';
import { digestMessage, singleMessage, type MailMessage } from '../../domain/mail/mail-message';
import { DIGEST_SCOPE, unsubscribeToken } from '../../domain/mail/unsubscribe-token';
import { renderNotification } from '../../domain/rendering/render-notification';
import {
  claimDueDelivery,
  digestCandidates,
  isPlanned,
  markAttemptFailed,
  markSent,
  notificationsByIds,
  planDelivery,
  preferencesOf,
  undigested,
  type ClaimedDelivery,
} from '../../persistence/mail-store';
import { NotificationReaders } from '../notification-readers';
import { MAIL_OPTIONS, type MailOptions } from './mail.options';
import { MailTransport } from './mail-transport';

/** Queued in the notifying transaction: plan the at-once e-mails of these notifications. */
export const MAIL_PLAN_JOB = 'notifications.mail-plan';
/** Every minute: plan the digests whose 08:00 has come, and send what is due. */
export const MAIL_SWEEP_JOB = 'notifications.mail-sweep';

/** Attempts of one message before it is given up (FAILED), with the waits between them. */
const RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 21600];

const DIGEST_PREFIX = 'digest:';
/** Planning jobs handled together (each is one notify call's notifications). */
const PLAN_BATCH = 50;

/**
 * The e-mail outbox. A notification's at-once e-mail is planned by a job queued in the
 * transaction that wrote it; digests are planned by a pg-boss schedule. Each message is a
 * `mail_delivery` row, unique per person and period; sending locks the row, hands the
 * message to the transport and marks it sent in one transaction. An instance killed
 * mid-send leaves the row PENDING and unlocked: another instance (or this one, restarted)
 * sends it. What remains possible is a repeat when an instance dies in the instant between
 * the relay's "accepted" and the commit; the Message-ID is then the same, so mail systems
 * that drop repeated Message-IDs drop it.
 */
@Injectable()
export class MailOutbox implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(MailOutbox.name);
  private draining: Promise<number> | null = null;
  private drainAgain = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly transport: MailTransport,
    private readonly directory: UserDirectoryService,
    private readonly readers: NotificationReaders,
    @Inject(MAIL_OPTIONS) private readonly options: MailOptions,
  ) {}

  get enabled(): boolean {
    return this.transport.enabled;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    await this.jobs.workBatch<{ notificationIds: string[] }>(MAIL_PLAN_JOB, PLAN_BATCH, async (jobs) => {
      await this.planAtOnce(jobs.flatMap((job) => job.notificationIds));
      await this.drain();
    });
    await this.jobs.every(MAIL_SWEEP_JOB, '* * * * *', async () => {
      await this.planDigests();
      await this.drain();
    });
  }

  /** A restarted instance sends what a crashed one left behind, without waiting for the schedule. */
  onApplicationBootstrap(): void {
    if (this.enabled) void this.drain().catch((error: unknown) => this.logger.warn(`outbox not drained: ${String(error)}`));
  }

  /** Plans an e-mail for each notification whose recipient wants this kind at once. */
  async planAtOnce(notificationIds: readonly string[]): Promise<number> {
    const notifications = await notificationsByIds(this.dataSource.manager, notificationIds);
    const people = await this.people(notifications.map((n) => n.recipientId));
    const preferences = await preferencesOf(this.dataSource.manager, [...people.keys()]);
    let planned = 0;
    for (const notification of notifications) {
      const person = people.get(notification.recipientId);
      if (!person?.active) continue;
      const chosen = (preferences.get(person.id) ?? new Map()) as Map<string, DeliveryMode>;
      if (modeOf(person.role, notification.kind, chosen) !== DeliveryMode.IMMEDIATE) continue;
      if (await planDelivery(this.dataSource.manager, person.id, `n:${notification.id}`, [notification.id])) planned++;
    }
    return planned;
  }

  /**
   * For everyone with unread news no e-mail told of, once their site's 08:00 has come: one
   * digest of the kinds they want in it, keyed by that local date (a second instance, a
   * second tick or a restart plans nothing more). Returns how many were planned.
   */
  async planDigests(now = this.clock.now()): Promise<number> {
    let planned = 0;
    for (const recipientId of await digestCandidates(this.dataSource.manager, now)) {
      const person = (await this.people([recipientId])).get(recipientId);
      if (!person?.active) continue;
      const reader = await this.readers.readerOf(person, person.locale);
      const period = latestDigestPeriod(now, reader.timeZone);
      const key = `${DIGEST_PREFIX}${period.localDate}`;
      if (await isPlanned(this.dataSource.manager, person.id, key)) continue;
      const chosen = ((await preferencesOf(this.dataSource.manager, [person.id])).get(person.id) ?? new Map()) as Map<string, DeliveryMode>;
      const wanted = (await undigested(this.dataSource.manager, person.id, period.closesAt)).filter(
        (n) => modeOf(person.role, n.kind, chosen) === DeliveryMode.DIGEST,
      );
      const ids = wanted.map((n) => n.id);
      if ((await planDelivery(this.dataSource.manager, person.id, key, ids)) && ids.length > 0) planned++;
    }
    return planned;
  }

  /** Sends every due message, one at a time; concurrent calls on one instance share one run. Returns how many were sent. */
  drain(): Promise<number> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    const run = async (): Promise<number> => {
      let sent = 0;
      do {
        this.drainAgain = false;
        while (await this.sendNext()) sent++;
      } while (this.drainAgain);
      return sent;
    };
    this.draining = run().finally(() => (this.draining = null));
    return this.draining;
  }

  /** Claims, sends and records one due message; false when none is due. */
  private async sendNext(): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const delivery = await claimDueDelivery(tx);
      if (!delivery) return false;
      try {
        const outgoing = await this.compose(delivery);
        if (outgoing) await this.transport.send(outgoing);
        await markSent(tx, delivery.id, outgoing?.messageId ?? '');
      } catch (error) {
        const delay = RETRY_DELAYS_SECONDS[delivery.attempts] ?? null;
        this.logger.warn(`e-mail ${delivery.id} not sent (attempt ${delivery.attempts + 1}): ${(error as Error).message}`);
        await markAttemptFailed(tx, delivery.id, (error as Error).message, delay);
      }
      return true;
    });
  }

  private async compose(delivery: ClaimedDelivery) {
    const person = (await this.people([delivery.recipientId])).get(delivery.recipientId);
    // Deactivated since it was planned: nothing is sent, the row is closed.
    if (!person?.active) return null;
    const reader = await this.readers.readerOf(person, person.locale);
    const notifications = await notificationsByIds(this.dataSource.manager, delivery.notificationIds);
    if (notifications.length === 0) return null;
    const isDigest = delivery.periodKey.startsWith(DIGEST_PREFIX);
    const scope = isDigest ? DIGEST_SCOPE : (notifications[0]?.kind ?? DIGEST_SCOPE);
    const unsubscribe = `${this.base()}/api/mail/unsubscribe?token=${unsubscribeToken(this.options.unsubscribeSecret, { userId: person.id, scope })}`;
    const links = { base: this.base(), unsubscribe };
    const message: MailMessage = isDigest
      ? digestMessage(reader, delivery.periodKey.slice(DIGEST_PREFIX.length), notifications.map((n) => renderNotification(n, reader)), links)
      : singleMessage(reader, renderNotification(notifications[0] as (typeof notifications)[number], reader), links);
    return {
      to: person.email,
      ...message,
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Content-Language': reader.locale,
        'X-Pepite-Kind': isDigest ? 'DIGEST' : scope,
      },
      messageId: `<${delivery.id}@pepite>`,
      fileStem: `${new Date().toISOString().replace(/[:.]/g, '-')}-${isDigest ? 'digest' : scope.toLowerCase()}-${delivery.id.slice(0, 8)}`,
    };
  }

  private base(): string {
    return this.options.publicUrl.replace(/\/$/, '');
  }

  private async people(ids: readonly string[]): Promise<Map<string, UserEntity>> {
    return new Map((await this.directory.getUsers(ids)).map((user) => [user.id, user]));
  }

  /** For the start banner. */
  describe(): string {
    return this.transport.describe();
  }
}
