import { graphql } from '../../gql';

/** A rule's wording as in force: the editor's picker and both sides of a release comparison. */
export const CodesignRuleFieldsFragment = graphql(`
  fragment CodesignRuleFields on Rule {
    key
    title
    category
    statement
    rationale
    latitude
    escalation
    customerWording
  }
`);

/** Who wrote something on a proposal: the person when named, else the label (and whether it is the caller). */
export const CodesignAuthorFieldsFragment = graphql(`
  fragment CodesignAuthorFields on ProposalAuthor {
    label
    mine
    person {
      id
      displayName
    }
  }
`);

/** The pépins a proposal answers, as listed beside it. */
export const CodesignProposalPepinFieldsFragment = graphql(`
  fragment CodesignProposalPepinFields on ProposalPepin {
    id
    reference
    title
  }
`);

/** How one rule reads before and after a revision, field by field. */
export const CodesignRuleDiffFieldsFragment = graphql(`
  fragment CodesignRuleDiffFields on ProposalRuleDiff {
    ruleKey
    kind
    existsBefore
    existsAfter
    fields {
      field
      before
      after
    }
  }
`);

/** What a revision changes (rule titles) and how it differs from the published rulebook. */
export const CodesignRevisionChangesFragment = graphql(`
  fragment CodesignRevisionChanges on ProposalRevision {
    number
    changes {
      kind
      ruleKey
      rule {
        title
      }
    }
    diff(against: PUBLISHED) {
      ...CodesignRuleDiffFields
    }
  }
`);
