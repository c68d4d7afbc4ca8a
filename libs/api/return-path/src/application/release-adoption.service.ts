import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@pepite/api/database';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { peopleCount, type PeopleCount } from '@pepite/api/insights';
import { ReleaseCatalog } from '@pepite/api/rulebook';
import { ACTIVE_WINDOW_HOURS, adoptionFigures, share, type AdoptionCounts } from '../domain/adoption';
import { activeOperators, staleDesktopsPerTeam } from '../persistence/desktop-status-store';
import { ReturnPathErrors } from '../return-path.errors';
import { RETURN_PATH_OPTIONS, type ReturnPathOptions } from '../return-path.options';
import { siteFor } from './site-scope';

const HOUR_MS = 3_600_000;

export interface AdoptionGroupView {
  readonly activeOperators: PeopleCount;
  readonly running: PeopleCount;
  /** running / active; null when folded or nobody is active. */
  readonly share: number | null;
  /** Desktops stale, folded like people (a desktop is a person's). */
  readonly staleDesktops: PeopleCount;
}

export interface TeamAdoptionView extends AdoptionGroupView {
  readonly teamId: string | null;
  readonly teamName: string | null;
}

export interface ReleaseAdoptionView extends AdoptionGroupView {
  readonly version: number;
  readonly publishedAt: Date;
  readonly siteId: string;
  readonly activeWindowHours: number;
  readonly staleAfterHours: number;
  readonly hoursTo50: number | null;
  readonly hoursTo95: number | null;
  readonly teams: readonly TeamAdoptionView[];
  readonly computedAt: Date;
}

/**
 * Who on a site runs release N (issue 19). Aggregates only: no name, no desktop id. A team
 * figure under 3 people is folded into "fewer than 3", as in insights. Three statements.
 */
@Injectable()
export class ReleaseAdoptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RETURN_PATH_OPTIONS) private readonly options: ReturnPathOptions,
    private readonly clock: Clock,
    private readonly directory: UserDirectoryService,
    private readonly catalog: ReleaseCatalog,
  ) {}

  async adoption(caller: AuthenticatedUser, version: number, siteId?: string | null): Promise<ReleaseAdoptionView> {
    const site = await siteFor(this.directory, caller, siteId);
    const release = await this.catalog.release(version).catch(() => {
      throw ReturnPathErrors.unknownRelease({ version });
    });
    const now = this.clock.now();
    const stale = this.options.staleDesktopHours * HOUR_MS;
    const [rows, staleDesktops, teams] = await Promise.all([
      activeOperators(this.dataSource.manager, site.id, version, new Date(now.getTime() - ACTIVE_WINDOW_HOURS * HOUR_MS)),
      staleDesktopsPerTeam(this.dataSource.manager, site.id, version, {
        silentBefore: new Date(now.getTime() - stale),
        behindSince: release.publishedAt.getTime() < now.getTime() - stale,
        seenSince: new Date(now.getTime() - this.options.desktopStatusRetentionDays * 24 * HOUR_MS),
      }),
      this.directory.listTeams(site.id),
    ]);
    const figures = adoptionFigures(rows, release.publishedAt);
    const folded = figures.active > 0 && figures.active < 3;
    const teamIds = [...new Set([...teams.map((team) => team.id), ...figures.teams.keys(), ...staleDesktops.keys()])];
    const names = new Map(teams.map((team) => [team.id, team.name]));
    const totalStale = [...staleDesktops.values()].reduce((sum, count) => sum + count, 0);
    return {
      version,
      publishedAt: release.publishedAt,
      siteId: site.id,
      activeWindowHours: ACTIVE_WINDOW_HOURS,
      staleAfterHours: this.options.staleDesktopHours,
      ...group(figures, totalStale),
      hoursTo50: folded ? null : figures.hoursTo50,
      hoursTo95: folded ? null : figures.hoursTo95,
      teams: teamIds
        .map((teamId) => ({
          teamId,
          teamName: teamId === null ? null : (names.get(teamId) ?? null),
          ...group(figures.teams.get(teamId) ?? { active: 0, running: 0 }, staleDesktops.get(teamId) ?? 0),
        }))
        .sort((a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '')),
      computedAt: now,
    };
  }
}

function group(counts: AdoptionCounts, stale: number): AdoptionGroupView {
  const active = peopleCount(counts.active);
  return {
    activeOperators: active,
    // With the active count folded, how many of them run it would say what the fold hides.
    running: active.fewerThanThree ? active : peopleCount(counts.running),
    share: active.fewerThanThree ? null : share(counts),
    staleDesktops: peopleCount(stale),
  };
}
