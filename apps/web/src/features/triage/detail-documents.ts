import { graphql } from '../../gql';
import type { TriagePepinQuery } from '../../gql/graphql';

/** Everything a manager may see of one pépin (the API leaves out who filed it unless signed). */
export const TriagePepinDocument = graphql(`
  query TriagePepin($id: ID!) {
    pepin(id: $id) {
      ...PepinCoreFields
      supportCount
      escalationLevel
      reporter {
        id
        displayName
      }
      supporters {
        id
        displayName
      }
      ...PepinThreadFields
      listeningSessions {
        ...ListeningSessionCoreFields
        operator {
          id
          displayName
        }
        callReference
        reason
        managerNotes
        operatorNotes
        completedAt
      }
    }
  }
`);

export type TriagePepin = TriagePepinQuery['pepin'];
export type TriageListeningSession = TriagePepin['listeningSessions'][number];

export const TriageAcknowledgePepinDocument = graphql(`
  mutation TriageAcknowledgePepin($id: ID!, $message: String) {
    acknowledgePepin(id: $id, message: $message) {
      id
      status
      acknowledgedAt
    }
  }
`);

export const TriageDeclinePepinDocument = graphql(`
  mutation TriageDeclinePepin($id: ID!, $reason: String!) {
    declinePepin(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const TriageMarkDuplicateDocument = graphql(`
  mutation TriageMarkDuplicate($id: ID!, $duplicateOf: ID!) {
    markDuplicate(id: $id, duplicateOf: $duplicateOf) {
      id
      status
      duplicateOf {
        id
        reference
      }
    }
  }
`);

/** The open pépins a duplicate may be merged into, searched on screen by reference or title. */
export const TriageDuplicateCandidatesDocument = graphql(`
  query TriageDuplicateCandidates {
    pepins(filter: { statuses: [NEW, ACKNOWLEDGED, IN_DESIGN, IN_VOTE] }, first: 100, orderBy: NEWEST) {
      edges {
        node {
          id
          reference
          title
          status
        }
      }
    }
  }
`);

export const TriageAskReporterDocument = graphql(`
  mutation TriageAskReporter($pepinId: ID!, $body: String!) {
    askReporter(pepinId: $pepinId, body: $body) {
      id
    }
  }
`);

export const TriageScheduleListeningDocument = graphql(`
  mutation TriageScheduleListening($id: ID!, $scheduledAt: DateTime!) {
    scheduleListeningSession(id: $id, scheduledAt: $scheduledAt) {
      id
      status
      scheduledAt
    }
  }
`);

export const TriageWriteListeningNotesDocument = graphql(`
  mutation TriageWriteListeningNotes($id: ID!, $notes: String!) {
    writeListeningNotes(id: $id, notes: $notes) {
      id
      managerNotes
    }
  }
`);

export const TriageCompleteListeningDocument = graphql(`
  mutation TriageCompleteListening($id: ID!, $outcome: String!) {
    completeListeningSession(id: $id, outcome: $outcome) {
      id
      status
      outcome
      completedAt
    }
  }
`);

/** Says the pépin shown changed (its conversation, status or history): the page reads it again. */
export const TriagePepinChangedDocument = graphql(`
  subscription TriagePepinChanged($id: ID!) {
    pepinChanged(id: $id) {
      id
    }
  }
`);
