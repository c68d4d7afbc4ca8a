import { graphql } from '../../../gql';

/** The rules in force: the AMEND/RETIRE picker and the "current" side of the live diff. */
export const EditorRulebookDocument = graphql(`
  query CodesignEditorRulebook {
    rulebook {
      release {
        version
      }
      rules {
        ...CodesignRuleFields
      }
    }
  }
`);

export const EditorProposalDocument = graphql(`
  query CodesignEditorProposal($id: ID!) {
    proposal(id: $id) {
      id
      reference
      title
      rationale
      status
      myCoAuthorship {
        status
        anonymous
      }
      pepins {
        ...CodesignProposalPepinFields
      }
      revision {
        number
        changes {
          kind
          ruleKey
          rule {
            title
            category
            statement
            rationale
            latitude
            escalation
            customerWording
          }
        }
      }
    }
  }
`);

export const EditorPepinDocument = graphql(`
  query CodesignEditorPepin($id: ID!) {
    pepin(id: $id) {
      id
      reference
      title
      status
      ruleKey
    }
  }
`);

export const CreateProposalDocument = graphql(`
  mutation CodesignCreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
    }
  }
`);

export const ReviseProposalDocument = graphql(`
  mutation CodesignReviseProposal($id: ID!, $input: ReviseProposalInput!) {
    reviseProposal(id: $id, input: $input) {
      id
      currentRevision
    }
  }
`);
