import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { NotificationsService } from '@pepite/api/notifications';
import { MandatoryChanges, type MandatoryChange } from '@pepite/api/rulebook';
import { MANDATORY_READING_DAYS } from '../domain/mandatory-reading';
import { acknowledge, acknowledgementsOf } from '../persistence/rule-acknowledgement-store';
import { signalFloorChanged } from '../persistence/floor-change-signal';
import { ReturnPathErrors } from '../return-path.errors';
import { siteFor } from './site-scope';

const DAY_MS = 86_400_000;

export interface MandatoryReadingView extends MandatoryChange {
  /** When the caller pressed "J'ai lu et compris"; null while still to read. */
  readonly acknowledgedAt: Date | null;
}

export interface PendingReader {
  readonly userId: string;
  readonly displayName: string;
  readonly teamName: string | null;
}

export interface MandatoryReadingStatusView extends MandatoryChange {
  readonly operators: number;
  readonly acknowledged: number;
  /** By name: mandatory reading is individual by nature (the screens say so). */
  readonly pending: readonly PendingReader[];
}

export interface ChangeRef {
  readonly releaseVersion: number;
  readonly ruleKey: string;
}

/**
 * "Lecture obligatoire" (issue 19): the operator's own list and acknowledgement, the
 * managers' view of who on their site has not acknowledged yet, and the reminder.
 */
@Injectable()
export class MandatoryReadingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly changes: MandatoryChanges,
    private readonly directory: UserDirectoryService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The operator's mandatory changes, those still to read first, then the most recent. */
  async mine(caller: AuthenticatedUser): Promise<MandatoryReadingView[]> {
    const changes = await this.recent();
    if (changes.length === 0) return [];
    const oldest = Math.min(...changes.map((change) => change.releaseVersion));
    const done = await acknowledgementsOf(this.dataSource.manager, [caller.id], oldest - 1);
    const at = new Map(done.map((row) => [`${row.releaseVersion}:${row.ruleKey}`, row.acknowledgedAt]));
    return changes
      .map((change) => ({ ...change, acknowledgedAt: at.get(`${change.releaseVersion}:${change.ruleKey}`) ?? null }))
      .sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null));
  }

  /** "J'ai lu et compris": records the time and the release; again keeps the first time. */
  async acknowledge(caller: AuthenticatedUser, ref: ChangeRef): Promise<MandatoryReadingView> {
    if (caller.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    const change = await this.find(ref);
    const kept = await this.dataSource.transaction(async (tx) => {
      const row = await acknowledge(tx, {
        userId: caller.id,
        siteId: caller.siteId,
        releaseVersion: change.releaseVersion,
        ruleKey: change.ruleKey,
        acknowledgedAt: this.clock.now(),
      });
      // The managers' count moves at commit, on every instance (FloorChangeHub).
      await signalFloorChanged(tx, [caller.siteId]);
      return row;
    });
    return { ...change, acknowledgedAt: kept.acknowledgedAt };
  }

  /** Per mandatory change: how many of the site's operators acknowledged it, and who has not. */
  async siteStatus(caller: AuthenticatedUser, siteId?: string | null): Promise<MandatoryReadingStatusView[]> {
    const site = await siteFor(this.directory, caller, siteId);
    const [changes, operators, teams] = await Promise.all([
      this.recent(),
      this.directory.listActiveUsers(site.id, Role.OPERATOR),
      this.directory.listTeams(site.id),
    ]);
    if (changes.length === 0) return [];
    const oldest = Math.min(...changes.map((change) => change.releaseVersion));
    const done = await acknowledgementsOf(this.dataSource.manager, operators.map((user) => user.id), oldest - 1);
    const readers = new Map<string, Set<string>>();
    for (const row of done) {
      const key = `${row.releaseVersion}:${row.ruleKey}`;
      readers.set(key, (readers.get(key) ?? new Set()).add(row.userId));
    }
    const teamNames = new Map(teams.map((team) => [team.id, team.name]));
    return changes.map((change) => {
      const read = readers.get(`${change.releaseVersion}:${change.ruleKey}`) ?? new Set<string>();
      const pending = operators
        .filter((user) => !read.has(user.id))
        .map((user) => ({ userId: user.id, displayName: user.displayName, teamName: user.teamId ? (teamNames.get(user.teamId) ?? null) : null }));
      return { ...change, operators: operators.length, acknowledged: operators.length - pending.length, pending };
    });
  }

  /** Tells the site's operators who have not acknowledged the change yet; returns how many. */
  async remind(caller: AuthenticatedUser, ref: ChangeRef, siteId?: string | null): Promise<number> {
    const status = (await this.siteStatus(caller, siteId)).find(
      (change) => change.releaseVersion === ref.releaseVersion && change.ruleKey === ref.ruleKey,
    );
    if (!status) throw ReturnPathErrors.notMandatory({ version: ref.releaseVersion, ruleKey: ref.ruleKey });
    await this.notifications.notify({
      recipientIds: status.pending.map((reader) => reader.userId),
      kind: 'MANDATORY_READING_REMINDER',
      params: { managerName: caller.displayName, title: status.title, ruleKey: status.ruleKey, release: status.releaseVersion },
    });
    return status.pending.length;
  }

  /** One entry per (release, rule): an advisory and a rule change of the same pair are read once. */
  private async recent(): Promise<MandatoryChange[]> {
    const all = await this.changes.since(new Date(this.clock.now().getTime() - MANDATORY_READING_DAYS * DAY_MS));
    const seen = new Set<string>();
    return all.filter((change) => {
      const key = `${change.releaseVersion}:${change.ruleKey}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private async find(ref: ChangeRef): Promise<MandatoryChange> {
    const change = (await this.recent()).find((c) => c.releaseVersion === ref.releaseVersion && c.ruleKey === ref.ruleKey);
    if (!change) throw ReturnPathErrors.notMandatory({ version: ref.releaseVersion, ruleKey: ref.ruleKey });
    return change;
  }
}
