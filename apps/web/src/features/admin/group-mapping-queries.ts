import { graphql } from '../../gql';

export const AdminGroupMappingsDocument = graphql(`
  query AdminGroupMappings {
    identityGroupMappings {
      id
      group
      role
      siteId
      teamId
    }
  }
`);

export const AdminSetGroupMappingDocument = graphql(`
  mutation AdminSetGroupMapping($input: SetIdentityGroupMappingInput!) {
    setIdentityGroupMapping(input: $input) {
      id
      group
      role
      siteId
      teamId
    }
  }
`);

export const AdminRemoveGroupMappingDocument = graphql(`
  mutation AdminRemoveGroupMapping($id: ID!) {
    removeIdentityGroupMapping(id: $id) {
      id
    }
  }
`);
