import { graphql } from '../../gql';
import type { TriageQueueQuery } from '../../gql/graphql';

/** One page of the queue; the counts per status ignore the status filter (they label the tabs). */
export const TriageQueueDocument = graphql(`
  query TriageQueue($filter: PepinFilter, $first: Int!, $after: String, $orderBy: PepinOrder!) {
    pepins(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      countsByStatus {
        status
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          reference
          title
          status
          ackDueAt
          acknowledgedAt
          supportCount
          customerImpact
          ruleKey
          ruleVersion
          noRuleApplies
          createdAt
          reporter {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const TriageAcknowledgePepinsDocument = graphql(`
  mutation TriageAcknowledgePepins($ids: [ID!]!, $message: String) {
    acknowledgePepins(ids: $ids, message: $message) {
      id
      status
      acknowledgedAt
    }
  }
`);

export type QueueConnection = TriageQueueQuery['pepins'];
export type QueueRow = QueueConnection['edges'][number]['node'];

export const QUEUE_PAGE_SIZE = 50;
