import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@pepite/api/database';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ReleaseCatalog } from '@pepite/api/rulebook';
import { recordStatus } from '../persistence/desktop-status-store';
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
 * A signed-in desktop says which release it has applied (issue 19). One statement pair, no
 * read of the rulebook's tables on the common path: the catalogue knows the latest version.
 */
@Injectable()
export class DesktopStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly catalog: ReleaseCatalog,
  ) {}

  async report(caller: AuthenticatedUser, command: ReportDesktopStatusCommand): Promise<DesktopStatusReceipt> {
    await this.checkRelease(command.releaseVersion);
    // Adoption is about the operators on the floor: other roles' desktops are answered, not kept.
    if (caller.role !== Role.OPERATOR) return { releaseVersion: command.releaseVersion, recorded: false };
    const now = this.clock.now();
    // A desktop's clock may run ahead: a time in the future is read as "now".
    const appliedAt = command.appliedAt.getTime() > now.getTime() ? now : command.appliedAt;
    await this.dataSource.transaction((tx) =>
      recordStatus(tx, {
        userId: caller.id,
        desktopId: (command.desktopId ?? caller.id).toLowerCase(),
        siteId: caller.siteId,
        teamId: caller.teamId,
        releaseVersion: command.releaseVersion,
        appliedAt,
        reportedAt: now,
      }),
    );
    return { releaseVersion: command.releaseVersion, recorded: true };
  }

  private async checkRelease(version: number): Promise<void> {
    if (version >= 1 && version <= this.catalog.latestVersion) return;
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
