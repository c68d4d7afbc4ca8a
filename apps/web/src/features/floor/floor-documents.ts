import { graphql } from '../../gql';

export const LatestReleaseDocument = graphql(`
  query FloorLatestRelease {
    releases(first: 1) {
      edges {
        node {
          version
        }
      }
    }
  }
`);

export const ReleaseAdoptionDocument = graphql(`
  query FloorReleaseAdoption($version: Int!, $siteId: ID) {
    releaseAdoption(version: $version, siteId: $siteId) {
      version
      publishedAt
      activeWindowHours
      staleAfterHours
      share
      hoursTo50
      hoursTo95
      computedAt
      activeOperators {
        count
        fewerThanThree
      }
      running {
        count
        fewerThanThree
      }
      staleDesktops {
        count
        fewerThanThree
      }
      teams {
        teamId
        teamName
        share
        activeOperators {
          count
          fewerThanThree
        }
        running {
          count
          fewerThanThree
        }
        staleDesktops {
          count
          fewerThanThree
        }
      }
    }
  }
`);

export const MandatoryReadingStatusDocument = graphql(`
  query FloorMandatoryReadingStatus($siteId: ID) {
    mandatoryReadingStatus(siteId: $siteId) {
      kind
      releaseVersion
      ruleKey
      title
      publishedAt
      message
      operators
      acknowledged
      pending {
        userId
        displayName
        teamName
      }
    }
  }
`);

export const RemindMandatoryReadingDocument = graphql(`
  mutation FloorRemindMandatoryReading($input: RemindMandatoryReadingInput!) {
    remindMandatoryReading(input: $input) {
      reminded
    }
  }
`);

/** "The floor of this site moved": the screen reads its queries again (pushed, at most once a second). */
export const FloorChangedDocument = graphql(`
  subscription FloorChanged($siteId: ID) {
    floorChanged(siteId: $siteId) {
      siteId
    }
  }
`);
