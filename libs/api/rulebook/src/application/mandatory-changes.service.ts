import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A change flagged "lecture obligatoire" at publication: a rule of a release, or an advisory. */
export interface MandatoryChange {
  readonly kind: 'RULE_CHANGE' | 'ADVISORY';
  /** The release that changed the rule; for an advisory, the release in force when it was published. */
  readonly releaseVersion: number;
  readonly ruleKey: string;
  /** The rule's title at that release (its last title, once retired). */
  readonly title: string;
  readonly publishedAt: Date;
  /** The advisory's words; null for a rule change (the rule itself is the text). */
  readonly message: string | null;
}

/**
 * The mandatory changes, read for the return path (issue 19): releases' `mandatory_rules` and
 * mandatory advisories. Most recent first; one statement.
 */
@Injectable()
export class MandatoryChanges {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async since(from: Date): Promise<MandatoryChange[]> {
    const rows: { kind: MandatoryChange['kind']; release_version: number; rule_key: string; title: string | null; published_at: Date; message: string | null }[] =
      await this.dataSource.query(
        `WITH flagged AS (
           SELECT 'RULE_CHANGE' AS kind, r.version AS release_version, k.rule_key, r.published_at, NULL::text AS message
             FROM release r CROSS JOIN LATERAL unnest(r.mandatory_rules) AS k(rule_key)
            WHERE r.published_at >= $1
           UNION ALL
           SELECT 'ADVISORY', a.release_version, a.rule_key, a.published_at, a.message
             FROM advisory a
            WHERE a.mandatory AND a.published_at >= $1
         )
         SELECT f.*, (SELECT v.title FROM rule_version v
                       WHERE v.rule_key = f.rule_key AND v.created_in_release <= f.release_version
                       ORDER BY v.revision DESC LIMIT 1) AS title
           FROM flagged f
          ORDER BY f.published_at DESC, f.rule_key`,
        [from],
      );
    return rows.map((row) => ({
      kind: row.kind,
      releaseVersion: row.release_version,
      ruleKey: row.rule_key,
      title: row.title ?? row.rule_key,
      publishedAt: row.published_at,
      message: row.message,
    }));
  }
}
