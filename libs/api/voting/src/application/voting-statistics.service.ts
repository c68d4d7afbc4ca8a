import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Managers' votes in a period, as counts. */
export interface VotingActivity {
  /** Votes of the site opened in the period. */
  readonly votesOpened: number;
  /** Distinct managers who cast a ballot in the period. */
  readonly managersWhoVoted: number;
  /** Distinct managers called to vote (electors) on the votes opened in the period. */
  readonly managersCalled: number;
}

/** Read-only aggregates over one site's votes for the insights context (one statement). */
@Injectable()
export class VotingStatistics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activity(scope: { siteId: string; from: Date; to: Date }): Promise<VotingActivity> {
    const [row]: { votes: number; voters: number; called: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM vote WHERE site_id = $1 AND opened_at >= $2 AND opened_at < $3)::int AS votes,
              (SELECT count(DISTINCT b.manager_id) FROM ballot b JOIN vote v ON v.id = b.vote_id
                WHERE v.site_id = $1 AND b.cast_at >= $2 AND b.cast_at < $3)::int AS voters,
              (SELECT count(DISTINCT el.manager_id) FROM vote_elector el JOIN vote v ON v.id = el.vote_id
                WHERE v.site_id = $1 AND v.opened_at >= $2 AND v.opened_at < $3)::int AS called`,
      [scope.siteId, scope.from, scope.to],
    );
    return { votesOpened: row.votes, managersWhoVoted: row.voters, managersCalled: row.called };
  }
}
