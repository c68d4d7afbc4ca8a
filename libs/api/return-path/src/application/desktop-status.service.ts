import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Clock } from '@pepite/api/database';
import { rateLimitedError } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ReleaseCatalog } from '@pepite/api/rulebook';
import { DesktopStatusBatcher } from './status-batcher';
import { ReturnPathErrors } from '../return-path.errors';

export interface ReportDesktopStatusCommand {
  readonly releaseVersion: number;
  readonly appliedAt: Date;
  /** The desktop's own random id; absent: the operator's one desktop. */
  readonly desktopId?: string | null;
}

export interface DesktopStatusReceipt {
  readonly releaseVersion: number;
  readonly recorded: boolean;
}

/**
 * Reports one operator may send per window, per instance. The SDK sends one at start, one
 * per release and one every 5 minutes per desktop; this leaves room for several desktops
 * and restarts, and bounds a runaway client without a shared counter write per report
 * (which cost as much as the report itself). N instances allow N times it: still bounded,
 * and a report is an idempotent upsert of the caller's own rows, merged per batch.
 */
const REPORTS_PER_WINDOW = 60;
const WINDOW_SECONDS = 300;

/**
 * A signed-in desktop says which release it has applied (issue 19). No read of the
 * rulebook's tables on the common path (the catalogue knows the latest version), and the
 * write joins a batch (DesktopStatusBatcher): answered once committed.
 */
@Injectable()
export class DesktopStatusService {
  private readonly limiter = new RateLimiterMemory({ keyPrefix: 'desktop-status', points: REPORTS_PER_WINDOW, duration: WINDOW_SECONDS });

  constructor(
    private readonly batcher: DesktopStatusBatcher,
    private readonly clock: Clock,
    private readonly catalog: ReleaseCatalog,
  ) {}

  async report(caller: AuthenticatedUser, command: ReportDesktopStatusCommand): Promise<DesktopStatusReceipt> {
    // A release this instance knows needs no await (a storm's every report).
    const version = command.releaseVersion;
    if (!(version >= 1 && version <= this.catalog.latestVersion)) await this.checkRelease(version);
    // Adoption is about the operators on the floor: other roles' desktops are answered, not kept.
    if (caller.role !== Role.OPERATOR) return { releaseVersion: command.releaseVersion, recorded: false };
    await this.countReport(caller.id);
    const now = this.clock.now();
    // A desktop's clock may run ahead: a time in the future is read as "now".
    const appliedAt = command.appliedAt.getTime() > now.getTime() ? now : command.appliedAt;
    await this.batcher.record({
      userId: caller.id,
      desktopId: (command.desktopId ?? caller.id).toLowerCase(),
      siteId: caller.siteId,
      teamId: caller.teamId,
      releaseVersion: command.releaseVersion,
      appliedAt,
      reportedAt: now,
    });
    return { releaseVersion: command.releaseVersion, recorded: true };
  }

  private async countReport(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) throw rateLimitedError(Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)));
      throw outcome;
    }
  }

  private async checkRelease(version: number): Promise<void> {
    // This instance may not have heard of a release another one has just published.
    if (version >= 1) {
      try {
        await this.catalog.release(version);
        return;
      } catch {
        // unknown: refused below
      }
    }
    throw ReturnPathErrors.unknownRelease({ version });
  }
}
