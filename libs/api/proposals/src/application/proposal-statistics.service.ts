import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Proposals of a period, as counts of proposals (a function of what managers see on each). */
export interface CoDesignActivity {
  /** Proposals of the site created in the period. */
  readonly proposals: number;
  /** Those with an operator who accepted to co-author or commented. */
  readonly coDesignedWithOperators: number;
}

/** Operators who took part in co-design during one span, as counts of distinct people (never who). */
export interface CoDesigners {
  /** Distinct operators who commented, endorsed or accepted to co-author. */
  readonly activeOperators: number;
  readonly operatorCommenters: number;
  readonly operatorEndorsers: number;
  readonly operatorCoAuthors: number;
}

/**
 * Read-only aggregates over one site's proposals for the insights context: one statement
 * each. Counts of people are given per span, and spans must be fixed buckets (calendar
 * months), never windows a reader chose: two windows one act apart would tell whether its
 * author acted elsewhere in them.
 */
@Injectable()
export class ProposalStatistics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async coDesign(scope: { siteId: string; from: Date; to: Date }): Promise<CoDesignActivity> {
    const [row]: { proposals: number; co_designed: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM proposal WHERE site_id = $1 AND created_at >= $2 AND created_at < $3)::int AS proposals,
              (SELECT count(*) FROM proposal p
                WHERE p.site_id = $1 AND p.created_at >= $2 AND p.created_at < $3
                  AND (EXISTS (SELECT 1 FROM proposal_co_author a
                                WHERE a.proposal_id = p.id AND a.role = 'OPERATOR' AND a.status = 'ACCEPTED')
                    OR EXISTS (SELECT 1 FROM proposal_comment c
                                WHERE c.proposal_id = p.id AND c.author_kind = 'OPERATOR')))::int AS co_designed`,
      [scope.siteId, scope.from, scope.to],
    );
    return { proposals: row.proposals, coDesignedWithOperators: row.co_designed };
  }

  /** Distinct operators who co-designed in each span, in the spans' order. */
  async coDesignersPerSpan(siteId: string, spans: readonly { from: Date; to: Date }[]): Promise<CoDesigners[]> {
    if (spans.length === 0) return [];
    const rows: { active: number; commenters: number; endorsers: number; co_authors: number }[] =
      await this.dataSource.query(
        `WITH span AS (SELECT * FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS s(lo, hi, i)),
       acts AS (
         SELECT span.i, c.author_id AS person, 'COMMENT' AS kind FROM span
           JOIN proposal_comment c ON c.author_kind = 'OPERATOR' AND c.created_at >= span.lo AND c.created_at < span.hi
           JOIN proposal p ON p.id = c.proposal_id AND p.site_id = $1
         UNION ALL
         SELECT span.i, e.operator_id, 'ENDORSEMENT' FROM span
           JOIN proposal_endorsement e ON e.created_at >= span.lo AND e.created_at < span.hi
           JOIN proposal p ON p.id = e.proposal_id AND p.site_id = $1
         UNION ALL
         SELECT span.i, a.user_id, 'CO_AUTHOR' FROM span
           JOIN proposal_co_author a ON a.role = 'OPERATOR' AND a.status = 'ACCEPTED'
                                    AND a.responded_at >= span.lo AND a.responded_at < span.hi
           JOIN proposal p ON p.id = a.proposal_id AND p.site_id = $1)
       SELECT span.i,
              count(DISTINCT acts.person)::int AS active,
              count(DISTINCT acts.person) FILTER (WHERE acts.kind = 'COMMENT')::int AS commenters,
              count(DISTINCT acts.person) FILTER (WHERE acts.kind = 'ENDORSEMENT')::int AS endorsers,
              count(DISTINCT acts.person) FILTER (WHERE acts.kind = 'CO_AUTHOR')::int AS co_authors
         FROM span LEFT JOIN acts ON acts.i = span.i
        GROUP BY span.i
        ORDER BY span.i`,
        [siteId, spans.map((span) => span.from), spans.map((span) => span.to)],
      );
    return rows.map((row) => ({
      activeOperators: row.active,
      operatorCommenters: row.commenters,
      operatorEndorsers: row.endorsers,
      operatorCoAuthors: row.co_authors,
    }));
  }
}
