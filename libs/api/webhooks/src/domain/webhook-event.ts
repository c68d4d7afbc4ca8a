/**
 * The events a webhook can subscribe to, and their JSON payloads (docs/webhooks.md). A
 * public contract: version 1; fields are added, never renamed or removed; a breaking change
 * is version 2, sent only to webhooks that ask for it.
 */
export const WEBHOOK_EVENTS = [
  'pepin.filed',
  'pepin.acknowledged',
  'pepin.became_pepite',
  'vote.opened',
  'vote.closed',
  'release.published',
  'advisory.published',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const PAYLOAD_VERSION = 1;

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/**
 * A pépin as webhooks describe it. Never who filed it or supported it, signed or not: a
 * receiver (a Teams channel, a CRM) is read by managers, and an unsigned reporter stays
 * unknown to them (docs/design.md, Anonymity).
 */
export interface PepinPayload {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly status: string;
  readonly siteId: string;
  readonly ruleKey: string | null;
  readonly ruleVersion: number | null;
  readonly noRuleApplies: boolean;
  readonly customerImpact: string | null;
  readonly ackDueAt: string;
}

export interface ProposalPayload {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
}

/** What each event carries under `data`. */
export interface WebhookEventData {
  'pepin.filed': { readonly pepin: PepinPayload };
  'pepin.acknowledged': { readonly pepin: PepinPayload };
  'pepin.became_pepite': { readonly pepin: PepinPayload; readonly release: number | null };
  'vote.opened': {
    readonly proposal: ProposalPayload;
    readonly vote: { readonly closesAt: string; readonly quorum: number; readonly electorateSize: number };
  };
  'vote.closed': {
    readonly proposal: ProposalPayload;
    readonly vote: { readonly outcome: string; readonly approve: number; readonly reject: number; readonly abstain: number };
  };
  'release.published': { readonly release: { readonly version: number; readonly notes: string | null; readonly publishedAt: string } };
  'advisory.published': {
    readonly advisory: { readonly id: string; readonly ruleKey: string; readonly message: string; readonly expiresAt: string };
  };
}

/** What a context hands to `WebhookEvents.publish`. */
export type WebhookEvent = { [T in WebhookEventType]: { readonly type: T; readonly data: WebhookEventData[T] } }[WebhookEventType];

/** The JSON body every receiver gets (format JSON). */
export interface WebhookEnvelope {
  /** The event's id: the same in every webhook's delivery of it, and in each retry. */
  readonly id: string;
  readonly type: WebhookEventType;
  readonly version: number;
  readonly occurredAt: string;
  /** The console's page of the object, when there is one. */
  readonly url: string | null;
  readonly data: WebhookEventData[WebhookEventType];
}

/** The console's page an event is about (from the public URL). */
export function pageOf(event: WebhookEvent, publicUrl: string): string | null {
  const base = publicUrl.replace(/\/$/, '');
  switch (event.type) {
    case 'pepin.filed':
    case 'pepin.acknowledged':
    case 'pepin.became_pepite':
      return `${base}/triage/${event.data.pepin.id}`;
    case 'vote.opened':
      return `${base}/proposals/${event.data.proposal.id}/vote`;
    case 'vote.closed':
      return `${base}/proposals/${event.data.proposal.id}`;
    case 'release.published':
      return `${base}/releases/${event.data.release.version}`;
    case 'advisory.published':
      return null;
  }
}
