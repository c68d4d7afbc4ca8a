import { graphql } from '../../gql';

/** The whole dashboard in one request: the API aggregates in PostgreSQL. */
export const InsightsDashboardDocument = graphql(`
  query InsightsDashboard($siteId: ID, $from: DateTime) {
    insights(siteId: $siteId, from: $from) {
      siteId
      from
      to
      leadTime {
        count
        medianHours
        p90Hours
        perMonth {
          month
          count
          medianHours
        }
      }
      acknowledgement {
        onTime
        late
        overdue
        compliance
        weekly {
          week
          onTime
          late
          overdue
        }
      }
      topBlockingRules {
        ruleKey
        title
        pepinCount
        openCount
        supportCount
      }
      refiledAfterChange {
        ruleKey
        title
        version
        publishedAt
        kind
        before
        after
        daysAfter
        beforePerDay
        afterPerDay
      }
      participation {
        months {
          month
          from
          to
          activeOperators {
            count
            fewerThanThree
          }
          filers {
            count
            fewerThanThree
          }
          supporters {
            count
            fewerThanThree
          }
          coDesigners {
            count
            fewerThanThree
          }
          commenters {
            count
            fewerThanThree
          }
          endorsers {
            count
            fewerThanThree
          }
        }
        managersWhoVoted
        managersCalledToVote
        votesOpened
        proposals
        proposalsCoDesigned
      }
    }
  }
`);

/** Admins pick any site (the `sites` query is theirs only). */
export const InsightsSitesDocument = graphql(`
  query InsightsSites {
    sites {
      id
      name
    }
  }
`);
