import { graphql } from '../../../gql';

export const AdminWebhooksDocument = graphql(`
  query AdminWebhooks {
    webhooks {
      id
      url
      events
      format
      enabled
      consecutiveFailures
      disabledAt
      createdAt
    }
  }
`);

export const AdminWebhookDeliveriesDocument = graphql(`
  query AdminWebhookDeliveries($webhookId: ID!) {
    webhookDeliveries(webhookId: $webhookId, first: 50) {
      id
      eventType
      status
      attempts
      lastResponseStatus
      lastError
      createdAt
      lastAttemptAt
      nextAttemptAt
    }
  }
`);

export const AdminRegisterWebhookDocument = graphql(`
  mutation AdminRegisterWebhook($input: RegisterWebhookInput!) {
    registerWebhook(input: $input) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

export const AdminSetWebhookEnabledDocument = graphql(`
  mutation AdminSetWebhookEnabled($id: ID!, $enabled: Boolean!) {
    setWebhookEnabled(id: $id, enabled: $enabled) {
      id
      enabled
      consecutiveFailures
      disabledAt
    }
  }
`);

export const AdminDeleteWebhookDocument = graphql(`
  mutation AdminDeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

/** The events a webhook may subscribe to, in the order of a pépin's journey (docs/webhooks.md). */
export const WEBHOOK_EVENTS = [
  'pepin.filed',
  'pepin.acknowledged',
  'pepin.became_pepite',
  'vote.opened',
  'vote.closed',
  'release.published',
  'advisory.published',
] as const;
