import { Args, Query, Resolver } from '@nestjs/graphql';
import { AnyRole } from '@pepite/api/identity';
import { ReleaseCatalog } from '../application/release-catalog.service';
import { ReleaseConnectionType } from './release-connection.type';
import { releaseCursor, versionOfCursor } from './release-cursor';
import { ReleaseType } from './release.type';
import { ReleasesArgs } from './releases.args';
import { connectionOf } from '@pepite/api/graphql-kit';

@Resolver(() => ReleaseType)
export class ReleaseResolver {
  constructor(private readonly catalog: ReleaseCatalog) {}

  @AnyRole()
  @Query(() => ReleaseConnectionType, { description: 'Published releases, newest first (Relay connection).' })
  async releases(@Args() { first, after }: ReleasesArgs): Promise<ReleaseConnectionType> {
    const before = after == null ? undefined : versionOfCursor(after);
    const latest = this.catalog.latestVersion;
    // One more than asked tells whether there is a next page.
    const rows = await this.catalog.releases(first + 1, before);
    const edges = rows
      .slice(0, first)
      .map((release) => ({ cursor: releaseCursor(release.version), node: ReleaseType.of(release) }));
    return {
      ...connectionOf(edges, {
        hasNextPage: rows.length > first,
        // Versions are gapless: newer releases exist exactly when the cursor's is published.
        hasPreviousPage: before !== undefined && before <= latest,
      }),
      totalCount: latest,
    };
  }

  // `rollbackRelease` lives with the publication use cases (libs/api/proposals): it needs a
  // reason recorded in the audit log.
}
