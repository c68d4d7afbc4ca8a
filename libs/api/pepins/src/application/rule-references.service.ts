import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@pepite/api/errors';
import { ReleaseCatalog } from '@pepite/api/rulebook';
import { PepinErrors } from '../pepins.errors';

/** The rule a pépin is about, as the rulebook knows it. */
export interface RuleReference {
  readonly key: string;
  /** The release the operator was reading. */
  readonly version: number;
  readonly category: string;
}

const CACHED_RELEASES = 16;

/**
 * Checks rule keys and versions against the rulebook context's `ReleaseCatalog`. Releases
 * are immutable, so what a release holds is cached (a few of them). "The release in
 * force" is read from the table, not from the live position, which may lag a publication
 * made a moment ago on another instance.
 */
@Injectable()
export class RuleReferences {
  private readonly categoriesByRelease = new Map<number, Promise<Map<string, string>>>();

  constructor(private readonly catalog: ReleaseCatalog) {}

  /** The rule in that release (the one in force when no version is given); BAD_USER_INPUT otherwise. */
  async resolve(key: string, version: number | null): Promise<RuleReference> {
    const release = version ?? (await this.newestVersion());
    if (release === 0) throw PepinErrors.noRulebookYet();
    let categories: Map<string, string>;
    try {
      categories = await this.categories(release);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        throw PepinErrors.unknownRuleVersion({ version: release, latest: await this.newestVersion() });
      }
      throw error;
    }
    const category = categories.get(key);
    if (category === undefined) throw PepinErrors.unknownRuleKey({ key, version: release });
    return { key, version: release, category };
  }

  private async newestVersion(): Promise<number> {
    const [newest] = await this.catalog.releases(1);
    return newest?.version ?? 0;
  }

  private categories(release: number): Promise<Map<string, string>> {
    let cached = this.categoriesByRelease.get(release);
    if (!cached) {
      cached = this.catalog.rules(release).then((rules) => new Map(rules.map((rule) => [rule.key, rule.category])));
      cached.catch(() => this.categoriesByRelease.delete(release));
      if (this.categoriesByRelease.size >= CACHED_RELEASES) {
        this.categoriesByRelease.delete(this.categoriesByRelease.keys().next().value as number);
      }
      this.categoriesByRelease.set(release, cached);
    }
    return cached;
  }
}
