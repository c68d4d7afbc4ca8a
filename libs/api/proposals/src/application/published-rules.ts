import { Injectable } from '@nestjs/common';
import type { RuleEntry } from '@pepite/rulebook-format';
import { ReleaseCatalog } from '@pepite/api/rulebook';

/** How many releases' rules are kept in memory (releases are immutable, so never stale). */
const CACHED_RELEASES = 4;

export interface PublishedRulebook {
  /** 0 when nothing is published yet. */
  readonly version: number;
  readonly rules: ReadonlyMap<string, RuleEntry>;
}

/**
 * The rules in force, by key, read through the rulebook's catalog. A release never
 * changes once written, so each one is read once and kept (the last few).
 */
@Injectable()
export class PublishedRules {
  private readonly cache = new Map<number, Promise<ReadonlyMap<string, RuleEntry>>>();

  constructor(private readonly catalog: ReleaseCatalog) {}

  /** The latest release this instance knows of, and its rules. */
  async latest(): Promise<PublishedRulebook> {
    const version = this.catalog.latestVersion;
    return { version, rules: await this.at(version) };
  }

  at(version: number): Promise<ReadonlyMap<string, RuleEntry>> {
    if (version <= 0) return Promise.resolve(new Map());
    const cached = this.cache.get(version);
    if (cached) return cached;
    const loading = this.catalog
      .rules(version)
      .then((entries): ReadonlyMap<string, RuleEntry> => new Map(entries.map((entry) => [entry.key, entry])));
    loading.catch(() => this.cache.delete(version));
    this.cache.set(version, loading);
    while (this.cache.size > CACHED_RELEASES) this.cache.delete(this.cache.keys().next().value as number);
    return loading;
  }
}
