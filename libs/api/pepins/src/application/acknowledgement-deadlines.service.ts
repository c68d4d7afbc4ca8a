import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@pepite/api/database';
import { Role, UserDirectoryService } from '@pepite/api/identity';
import {
  ACKNOWLEDGEMENT_PROMISE,
  dueEscalationLevel,
  dueSoonNotice,
  escalationNotice,
  reporterLateNotice,
} from '../domain/acknowledgement-promise';
import { referenceOf } from '../domain/pepin';
import { lockDueSoonPepins, lockOverduePepins, markReminded, type OverduePepinRow } from '../persistence/acknowledgement-deadlines-store';
import { PEPIN_SUBJECT, PepinNotifier } from './pepin-notifier';
import { PepinTriage } from './pepin-triage.service';

export const ACKNOWLEDGEMENT_SWEEP_JOB = 'pepins.acknowledgement-sweep';
const BATCH = 200;

/**
 * Keeps the 72-hour promise honest. A durable pg-boss schedule runs a sweep every minute
 * on one instance; each overdue pépin is escalated in its own small transaction (history
 * line, notifications), so a failure on one never holds back the others. Deadlines are
 * judged by the application's Clock, which tests move forward.
 */
@Injectable()
export class AcknowledgementDeadlines implements OnModuleInit {
  private readonly logger = new Logger(AcknowledgementDeadlines.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly triage: PepinTriage,
    private readonly notifier: PepinNotifier,
    private readonly directory: UserDirectoryService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.every(ACKNOWLEDGEMENT_SWEEP_JOB, '* * * * *', async () => {
      const reminded = await this.remind();
      if (reminded > 0) this.logger.log(`reminded managers of ${reminded} pépin(s) due within 24 h`);
      const escalated = await this.sweep();
      if (escalated > 0) this.logger.log(`escalated ${escalated} overdue pépin(s)`);
    });
  }

  /** Escalates every pépin due at the clock's now; returns how many levels were raised. */
  async sweep(): Promise<number> {
    let escalated = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (tx) => {
        const now = this.clock.now();
        const due = await lockOverduePepins(tx, now, ACKNOWLEDGEMENT_PROMISE.adminAfterHours, BATCH);
        for (const pepin of due) {
          const level = dueEscalationLevel(pepin.ackDueAt, pepin.escalationLevel, now);
          if (level === null || (await this.triage.recordEscalation(pepin.id, { now, manager: tx })) !== level)
            continue;
          await this.tell(tx, pepin, level, now);
          escalated++;
        }
        return due.length < BATCH;
      });
      if (done) return escalated;
    }
  }

  /**
   * Reminds the site's managers of every NEW pépin due within 24 hours, once per pépin (the
   * row is marked in the transaction that notifies). Returns how many pépins were reminded.
   */
  async remind(): Promise<number> {
    let reminded = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (tx) => {
        const now = this.clock.now();
        const due = await lockDueSoonPepins(tx, now, ACKNOWLEDGEMENT_PROMISE.reminderBeforeHours, BATCH);
        await markReminded(tx, due.map((pepin) => pepin.id), now);
        for (const pepin of due) {
          const subject = { reference: referenceOf(pepin), title: pepin.title };
          const managers = (await this.directory.listActiveUsers(pepin.siteId, Role.MANAGER)).map((manager) => manager.id);
          await this.notifier.to(tx, managers, dueSoonNotice(subject, pepin.ackDueAt), { type: PEPIN_SUBJECT, id: pepin.id });
          reminded++;
        }
        return due.length < BATCH;
      });
      if (done) return reminded;
    }
  }

  private async tell(
    tx: Parameters<PepinNotifier['to']>[0],
    pepin: OverduePepinRow,
    level: 1 | 2,
    now: Date,
  ): Promise<void> {
    const subject = { reference: referenceOf(pepin), title: pepin.title };
    const params = { reference: subject.reference, level };
    const recipients = await this.recipients(pepin, level);
    await this.notifier.to(
      tx,
      recipients,
      escalationNotice(level, subject, pepin.ackDueAt, now),
      { type: PEPIN_SUBJECT, id: pepin.id },
      params,
    );
    if (level === 1)
      await this.notifier.to(
        tx,
        [pepin.reporterId],
        reporterLateNotice(subject),
        { type: PEPIN_SUBJECT, id: pepin.id },
        params,
      );
  }

  /** Level 1: the reporter's team's managers (the site's when the team has none); level 2: the site's admins. */
  private async recipients(pepin: OverduePepinRow, level: 1 | 2): Promise<string[]> {
    if (level === 2) return (await this.directory.listActiveUsers(pepin.siteId, Role.ADMIN)).map((user) => user.id);
    const managers = await this.directory.listActiveUsers(pepin.siteId, Role.MANAGER);
    const team = managers.filter((manager) => pepin.teamId !== null && manager.teamId === pepin.teamId);
    return (team.length > 0 ? team : managers).map((manager) => manager.id);
  }
}
