import type { AdminSitesQuery, AdminUsersQuery } from '../../gql/graphql';
import { graphql } from '../../gql';

export const AdminTeamFieldsFragment = graphql(`
  fragment AdminTeamFields on Team {
    id
    siteId
    name
  }
`);

export const AdminSiteFieldsFragment = graphql(`
  fragment AdminSiteFields on Site {
    id
    name
    timeZone
    ackSlaHours
  }
`);

export const AdminUserFieldsFragment = graphql(`
  fragment AdminUserFields on User {
    id
    email
    displayName
    role
    siteId
    teamId
    locale
    active
  }
`);

/** Every site with its teams: the users screen needs them to name places and fill the selects. */
export const AdminSitesDocument = graphql(`
  query AdminSites {
    sites {
      ...AdminSiteFields
      teams {
        ...AdminTeamFields
      }
    }
  }
`);

export const AdminUsersDocument = graphql(`
  query AdminUsers {
    users {
      ...AdminUserFields
    }
  }
`);

export const AdminCreateUserDocument = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      displayName
    }
  }
`);

export const AdminUpdateUserDocument = graphql(`
  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...AdminUserFields
    }
  }
`);

export const AdminDeactivateUserDocument = graphql(`
  mutation AdminDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

export const AdminReactivateUserDocument = graphql(`
  mutation AdminReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      active
    }
  }
`);

export const AdminCreateSiteDocument = graphql(`
  mutation AdminCreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      id
      name
    }
  }
`);

export const AdminUpdateSiteDocument = graphql(`
  mutation AdminUpdateSite($id: ID!, $input: UpdateSiteInput!) {
    updateSite(id: $id, input: $input) {
      ...AdminSiteFields
    }
  }
`);

export const AdminCreateTeamDocument = graphql(`
  mutation AdminCreateTeam($siteId: ID!, $name: String!) {
    createTeam(siteId: $siteId, name: $name) {
      ...AdminTeamFields
    }
  }
`);

export const AdminRenameTeamDocument = graphql(`
  mutation AdminRenameTeam($id: ID!, $name: String!) {
    renameTeam(id: $id, name: $name) {
      ...AdminTeamFields
    }
  }
`);

export type AdminSite = AdminSitesQuery['sites'][number];
export type AdminUser = AdminUsersQuery['users'][number];
