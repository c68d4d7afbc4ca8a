import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export type RuleChangeKindName = 'CREATED' | 'AMENDED' | 'RETIRED';

/** One rule changed by one release. */
export interface RuleChangeEvent {
  readonly ruleKey: string;
  readonly version: number;
  readonly publishedAt: Date;
  readonly kind: RuleChangeKindName;
}

/**
 * When each rule changed, read from release membership (`release_rule`): a rule changed in
 * release N when its version in force differs from release N-1's (created, amended — a
 * rollback too — or retired). Read-only, for the insights context.
 */
@Injectable()
export class RuleChangeHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rule changes of the releases published in `[from, to)`, oldest first. */
  async changesBetween(from: Date, to: Date): Promise<RuleChangeEvent[]> {
    const rows: { rule_key: string; version: number; published_at: Date; kind: RuleChangeKindName }[] =
      await this.dataSource.query(
        `WITH releases AS (SELECT version, published_at FROM release WHERE published_at >= $1 AND published_at < $2)
         SELECT cur.rule_key, r.version, r.published_at,
                CASE WHEN prev.rule_key IS NULL THEN 'CREATED' ELSE 'AMENDED' END AS kind
           FROM releases r
           JOIN release_rule cur ON cur.release_version = r.version
           LEFT JOIN release_rule prev ON prev.release_version = r.version - 1 AND prev.rule_key = cur.rule_key
          WHERE prev.rule_version_id IS DISTINCT FROM cur.rule_version_id
         UNION ALL
         SELECT prev.rule_key, r.version, r.published_at, 'RETIRED'
           FROM releases r
           JOIN release_rule prev ON prev.release_version = r.version - 1
          WHERE NOT EXISTS (SELECT 1 FROM release_rule cur WHERE cur.release_version = r.version AND cur.rule_key = prev.rule_key)
         ORDER BY 2, 1`,
        [from, to],
      );
    return rows.map((row) => ({
      ruleKey: row.rule_key,
      version: row.version,
      publishedAt: new Date(row.published_at),
      kind: row.kind,
    }));
  }

  /** The latest title of each rule key (retired rules keep their last one); unknown keys are absent. */
  async titles(keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows: { rule_key: string; title: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (rule_key) rule_key, title FROM rule_version
        WHERE rule_key = ANY($1::text[]) ORDER BY rule_key, revision DESC`,
      [[...new Set(keys)]],
    );
    return new Map(rows.map((row) => [row.rule_key, row.title]));
  }
}
