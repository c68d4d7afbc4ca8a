import { graphql } from '../../gql';

// What every screen of one pépin reads, the reporter's page and the manager's triage alike:
// declared once, spread by name (`...PepinCoreFields`) in each screen's query. What only one
// side may see (the reporter, the supporters, the double écoute's notes) stays in its query.

/** The pépin itself: what was reported, against which rule, and where it stands. */
export const PepinCoreFieldsFragment = graphql(`
  fragment PepinCoreFields on Pepin {
    id
    reference
    title
    description
    status
    customerImpact
    ruleKey
    ruleVersion
    ruleCategory
    noRuleApplies
    callReference
    signed
    ackDueAt
    acknowledgedAt
    overdue
    createdAt
    duplicateOf {
      id
      reference
      title
      status
    }
  }
`);

/** One line of the pépin's history, as its readers may see it. */
export const PepinHistoryFieldsFragment = graphql(`
  fragment PepinHistoryFields on PepinEvent {
    id
    kind
    actorLabel
    actor {
      id
      displayName
    }
    fromStatus
    toStatus
    message
    at
  }
`);

/** One message between the reporter and the managers. */
export const PepinMessageFieldsFragment = graphql(`
  fragment PepinMessageFields on PepinMessage {
    id
    at
    author
    authorKind
    body
  }
`);

/** What happened to the pépin and what was said about it: its history and its conversation. */
export const PepinThreadFieldsFragment = graphql(`
  fragment PepinThreadFields on Pepin {
    history {
      ...PepinHistoryFields
    }
    conversation {
      ...PepinMessageFields
    }
  }
`);

/** A double écoute as both its sides see it; the manager's query adds the notes and the operator. */
export const ListeningSessionCoreFieldsFragment = graphql(`
  fragment ListeningSessionCoreFields on ListeningSession {
    id
    status
    participant
    manager {
      id
      displayName
    }
    requestedAt
    scheduledAt
    outcome
  }
`);
