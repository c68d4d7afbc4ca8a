import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Co-design in a period, as counts (never who). */
export interface CoDesignActivity {
  /** Distinct operators who commented, endorsed or accepted to co-author. */
  readonly activeOperators: number;
  readonly operatorCommenters: number;
  readonly operatorEndorsers: number;
  readonly operatorCoAuthors: number;
  /** Proposals of the site created in the period. */
  readonly proposals: number;
  /** Those with an operator who accepted to co-author or commented. */
  readonly coDesignedWithOperators: number;
}

/**
 * Read-only aggregates over one site's proposals for the insights context: one statement,
 * counts of distinct people only.
 */
@Injectable()
export class ProposalStatistics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async coDesign(scope: { siteId: string; from: Date; to: Date }): Promise<CoDesignActivity> {
    const [row]: {
      active: number;
      commenters: number;
      endorsers: number;
      co_authors: number;
      proposals: number;
      co_designed: number;
    }[] = await this.dataSource.query(
      `WITH commenters AS (
         SELECT DISTINCT c.author_id AS person FROM proposal_comment c JOIN proposal p ON p.id = c.proposal_id
          WHERE p.site_id = $1 AND c.author_kind = 'OPERATOR' AND c.created_at >= $2 AND c.created_at < $3),
       endorsers AS (
         SELECT DISTINCT e.operator_id AS person FROM proposal_endorsement e JOIN proposal p ON p.id = e.proposal_id
          WHERE p.site_id = $1 AND e.created_at >= $2 AND e.created_at < $3),
       co_authors AS (
         SELECT DISTINCT a.user_id AS person FROM proposal_co_author a JOIN proposal p ON p.id = a.proposal_id
          WHERE p.site_id = $1 AND a.role = 'OPERATOR' AND a.status = 'ACCEPTED'
            AND a.responded_at >= $2 AND a.responded_at < $3)
       SELECT (SELECT count(*) FROM (SELECT person FROM commenters UNION SELECT person FROM endorsers
                                     UNION SELECT person FROM co_authors) u)::int AS active,
              (SELECT count(*) FROM commenters)::int AS commenters,
              (SELECT count(*) FROM endorsers)::int AS endorsers,
              (SELECT count(*) FROM co_authors)::int AS co_authors,
              (SELECT count(*) FROM proposal WHERE site_id = $1 AND created_at >= $2 AND created_at < $3)::int AS proposals,
              (SELECT count(*) FROM proposal p
                WHERE p.site_id = $1 AND p.created_at >= $2 AND p.created_at < $3
                  AND (EXISTS (SELECT 1 FROM proposal_co_author a
                                WHERE a.proposal_id = p.id AND a.role = 'OPERATOR' AND a.status = 'ACCEPTED')
                    OR EXISTS (SELECT 1 FROM proposal_comment c
                                WHERE c.proposal_id = p.id AND c.author_kind = 'OPERATOR')))::int AS co_designed`,
      [scope.siteId, scope.from, scope.to],
    );
    return {
      activeOperators: row.active,
      operatorCommenters: row.commenters,
      operatorEndorsers: row.endorsers,
      operatorCoAuthors: row.co_authors,
      proposals: row.proposals,
      coDesignedWithOperators: row.co_designed,
    };
  }
}
