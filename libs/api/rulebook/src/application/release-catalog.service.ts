import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RULEBOOK_FORMAT, type AdvisoryEntry, type RuleEntry, type RulebookChanges } from '@pepite/rulebook-format';
import { AdvisoryEntity } from '../persistence/advisory.entity';
import { advisoryEntryOf } from '../persistence/advisory-rows';
import { ReleaseEntity } from '../persistence/release.entity';
import { ruleEntryOf } from '../persistence/rule-rows';
import { RuleVersionEntity } from '../persistence/rule-version.entity';
import { identityBytes } from '../persistence/release-identity';
import { membershipDifference, rulesInForce } from '../persistence/rulebook-store';
import { RulebookErrors } from '../rulebook.errors';
import { RulebookEventHub } from './rulebook-event-hub';

export type SnapshotEncoding = 'identity' | 'gzip' | 'br';

/** A release's stored bytes in one encoding, with what the feed's headers need. */
export interface StoredSnapshot {
  readonly release: ReleaseEntity;
  readonly encoding: SnapshotEncoding;
  readonly body: Buffer;
}

const COLUMN: Record<SnapshotEncoding, 'snapshot' | 'snapshotGzip' | 'snapshotBrotli'> = {
  identity: 'snapshot',
  gzip: 'snapshotGzip',
  br: 'snapshotBrotli',
};
const ALL_ENCODINGS: readonly SnapshotEncoding[] = ['br', 'gzip', 'identity'];
const WITHOUT_BROTLI: readonly SnapshotEncoding[] = ['gzip', 'identity'];
const CHANGES_CACHE_SIZE = 64;
/** Earlier releases kept in memory (per encoding): desktops catching up ask for the last few. */
const RECENT_RELEASES = 4;
/** How long "no brotli body yet" is believed before the database is asked again. */
const BROTLI_RECHECK_MS = 1_000;
/** Bounds how long an advisory can outlive its expiry in the cached list. */
const ADVISORY_CACHE_MS = 5_000;

/** A `changes` answer, serialised once and compressed on first demand per encoding. */
export interface ChangesBody {
  readonly json: string;
  readonly encoded: Map<SnapshotEncoding, Buffer>;
}

/**
 * Reads of the rulebook. The latest release's bytes are kept in memory and replaced when
 * the event hub sees a newer one, so the hot path (thousands of desktops asking "anything
 * new?") answers a 304 without touching the database.
 */
@Injectable()
export class ReleaseCatalog {
  private latestCache = new Map<SnapshotEncoding, StoredSnapshot>();
  private readonly changesCache = new Map<string, ChangesBody>();
  private readonly recentCache = new Map<string, StoredSnapshot>();
  /** Releases seen without their brotli body (made after the commit), and when. */
  private readonly brotliMissing = new Map<number, number>();
  /** Bodies being read, by `version:encoding`, so that concurrent readers share one read. */
  private readonly loading = new Map<string, Promise<StoredSnapshot>>();
  private advisoryCache?: { key: string; validUntil: number; advisories: Promise<AdvisoryEntry[]>; resolved?: AdvisoryEntry[] };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hub: RulebookEventHub,
  ) {}

  get latestVersion(): number {
    return this.hub.current.version;
  }

  async latestRelease(): Promise<ReleaseEntity> {
    const version = this.latestVersion;
    if (version === 0) throw RulebookErrors.noReleaseYet();
    const cached = [...this.latestCache.values()].find((entry) => entry.release.version === version);
    // The gzip body: stored as it is, where identity would be decompressed first.
    return (cached ?? (await this.snapshot(version, 'gzip'))).release;
  }

  /**
   * The encodings stored for a release: identity and gzip from its publication, brotli once
   * its job has stored it. Only these may be negotiated; "not yet" is asked again after a second.
   */
  async storedEncodings(version: number): Promise<readonly SnapshotEncoding[]> {
    if (this.cachedSnapshot(version, 'br')) return ALL_ENCODINGS;
    const missingSince = this.brotliMissing.get(version);
    if (missingSince !== undefined && Date.now() - missingSince < BROTLI_RECHECK_MS) return WITHOUT_BROTLI;
    const rows: { has_brotli: boolean }[] = await this.dataSource.query(
      'SELECT snapshot_brotli IS NOT NULL AS has_brotli FROM release WHERE version = $1',
      [version],
    );
    if (!rows[0]) throw this.unknownRelease(version);
    if (rows[0].has_brotli) {
      this.brotliMissing.delete(version);
      return ALL_ENCODINGS;
    }
    if (this.brotliMissing.size >= RECENT_RELEASES) this.brotliMissing.clear();
    this.brotliMissing.set(version, Date.now());
    return WITHOUT_BROTLI;
  }

  /**
   * A release's bytes in one encoding, from memory or else read (and, for identity,
   * decompressed) once however many readers ask at the same time: after a publication
   * every desktop asks for the same release within seconds.
   */
  snapshot(version: number, encoding: SnapshotEncoding): Promise<StoredSnapshot> {
    const cached = this.cachedSnapshot(version, encoding);
    if (cached) return Promise.resolve(cached);
    const key = `${version}:${encoding}`;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loading = this.loadSnapshot(version, encoding).finally(() => this.loading.delete(key));
    this.loading.set(key, loading);
    return loading;
  }

  private async loadSnapshot(version: number, encoding: SnapshotEncoding): Promise<StoredSnapshot> {
    const isLatest = version === this.latestVersion;
    const release = await this.dataSource
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .addSelect(`r.${COLUMN[encoding]}`)
      .where('r.version = :version', { version })
      .getOne();
    if (!release) throw this.unknownRelease(version);
    let body = release[COLUMN[encoding]];
    // Identity bytes are stored only for releases older than migration ReleaseIdentityFromGzip.
    if (!body && encoding === 'identity') body = await identityBytes(null, (await this.snapshot(version, 'gzip')).body);
    // Asked for brotli before its job stored it (the caller checked storedEncodings just
    // before): gzip, which every release has from its publication, and nothing cached.
    if (!body) return this.snapshot(version, 'gzip');
    const stored = { release, encoding, body };
    if (isLatest) {
      if ([...this.latestCache.values()].some((entry) => entry.release.version !== version)) this.latestCache = new Map();
      this.latestCache.set(encoding, stored);
    } else {
      if (this.recentCache.size >= RECENT_RELEASES * 3) this.recentCache.delete(this.recentCache.keys().next().value as string);
      this.recentCache.set(`${version}:${encoding}`, stored);
    }
    return stored;
  }

  /** A release's bytes in one encoding when they are already in memory (no I/O). */
  cachedSnapshot(version: number, encoding: SnapshotEncoding): StoredSnapshot | undefined {
    if (version === this.latestVersion) return this.cachedLatest(encoding);
    return this.recentCache.get(`${version}:${encoding}`);
  }

  /** The latest release's bytes in one encoding when they are already in memory (no I/O). */
  cachedLatest(encoding: SnapshotEncoding): StoredSnapshot | undefined {
    const cached = this.latestCache.get(encoding);
    return cached && cached.release.version === this.latestVersion ? cached : undefined;
  }

  async release(version: number): Promise<ReleaseEntity> {
    const release = await this.dataSource.getRepository(ReleaseEntity).findOneBy({ version });
    if (!release) throw this.unknownRelease(version);
    return release;
  }

  /** Newest first. */
  releases(limit: number, before?: number): Promise<ReleaseEntity[]> {
    const query = this.dataSource.getRepository(ReleaseEntity).createQueryBuilder('r').orderBy('r.version', 'DESC').limit(limit);
    if (before !== undefined) query.where('r.version < :before', { before });
    return query.getMany();
  }

  async rules(version: number): Promise<RuleEntry[]> {
    await this.release(version);
    return [...(await rulesInForce(this.dataSource.manager, version)).values()].map((rule) => rule.entry);
  }

  /** Every stored wording of a rule, oldest first, with the releases in which each was in force. */
  async ruleHistory(key: string): Promise<{ entry: RuleEntry; createdInRelease: number; inReleases: number[] }[]> {
    const versions = await this.dataSource.getRepository(RuleVersionEntity).find({ where: { ruleKey: key }, order: { revision: 'ASC' } });
    if (versions.length === 0) throw RulebookErrors.ruleNotFound({ key });
    const memberships: { rule_version_id: string; releases: number[] }[] = await this.dataSource.query(
      'SELECT rule_version_id, array_agg(release_version ORDER BY release_version) AS releases FROM release_rule WHERE rule_key = $1 GROUP BY 1',
      [key],
    );
    const releasesOf = new Map(memberships.map((row) => [row.rule_version_id, row.releases]));
    return versions.map((row) => ({ entry: ruleEntryOf(row), createdInRelease: row.createdInRelease, inReleases: releasesOf.get(row.id) ?? [] }));
  }

  /**
   * Active advisories, cached until the next advisory or release this instance sees, the
   * first expiry, or a few seconds: every desktop's `changes` call needs them.
   */
  activeAdvisories(): Promise<AdvisoryEntry[]> {
    const { version, advisorySeq } = this.hub.current;
    const key = `${version}:${advisorySeq}`;
    const now = Date.now();
    if (this.advisoryCache && this.advisoryCache.key === key && this.advisoryCache.validUntil > now) return this.advisoryCache.advisories;
    const advisories = this.loadActiveAdvisories();
    const cache: NonNullable<typeof this.advisoryCache> = { key, validUntil: now + ADVISORY_CACHE_MS, advisories };
    this.advisoryCache = cache;
    advisories.then(
      (list) => {
        cache.resolved = list;
        const firstExpiry = Math.min(...list.map((a) => Date.parse(a.expiresAt)));
        cache.validUntil = Math.min(cache.validUntil, firstExpiry);
      },
      () => {
        if (this.advisoryCache === cache) this.advisoryCache = undefined;
      },
    );
    return advisories;
  }

  private async loadActiveAdvisories(): Promise<AdvisoryEntry[]> {
    const rows = await this.dataSource
      .getRepository(AdvisoryEntity)
      .createQueryBuilder('a')
      .where('a.superseded_by IS NULL AND a.expires_at > now()')
      .orderBy('a.seq')
      .getMany();
    return rows.map(advisoryEntryOf);
  }

  /** `changes?since=N`, serialised once per (N, latest) pair: most desktops ask the same question. */
  async changesSince(since: number): Promise<ChangesBody> {
    const latest = this.latestVersion;
    if (since > latest) throw latest === 0 ? RulebookErrors.noReleaseYet() : RulebookErrors.releaseInFuture({ version: since, latest });
    if (since < 0) throw RulebookErrors.invalidVersion({ value: String(since) });
    const advisories = await this.activeAdvisories();
    const cacheKey = changesKey(since, latest, advisories);
    const cached = this.changesCache.get(cacheKey);
    if (cached) return cached;
    const release = await this.release(latest);
    const difference = await membershipDifference(this.dataSource.manager, since, latest);
    const entries = difference.changed.map(ruleEntryOf);
    const changes: RulebookChanges = {
      format: RULEBOOK_FORMAT,
      since,
      release: {
        version: release.version,
        publishedAt: release.publishedAt.toISOString(),
        notes: release.notes,
        changelog: release.changelog,
        sha256: release.sha256,
        signature: release.signature,
        keyId: release.keyId,
      },
      added: entries.filter((entry) => difference.addedKeys.has(entry.key)),
      amended: entries.filter((entry) => !difference.addedKeys.has(entry.key)),
      retired: difference.retired,
      advisories,
    };
    const body: ChangesBody = { json: JSON.stringify(changes), encoded: new Map() };
    if (this.changesCache.size >= CHANGES_CACHE_SIZE) this.changesCache.delete(this.changesCache.keys().next().value as string);
    this.changesCache.set(cacheKey, body);
    return body;
  }

  /** `changes?since=N` when its answer is already in memory and still current (no I/O). */
  cachedChanges(since: number): ChangesBody | undefined {
    const { version, advisorySeq } = this.hub.current;
    const advisories = this.advisoryCache;
    if (!advisories?.resolved || advisories.key !== `${version}:${advisorySeq}` || advisories.validUntil <= Date.now()) return undefined;
    return this.changesCache.get(changesKey(since, version, advisories.resolved));
  }

  private unknownRelease(version: number) {
    const latest = this.latestVersion;
    return version > latest && latest > 0 ? RulebookErrors.releaseInFuture({ version, latest }) : RulebookErrors.releaseNotFound({ version });
  }
}

const changesKey = (since: number, latest: number, advisories: readonly AdvisoryEntry[]) => `${since}:${latest}:${advisories.map((a) => a.seq).join(',')}`;
