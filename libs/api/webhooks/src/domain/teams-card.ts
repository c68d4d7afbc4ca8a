import type { WebhookEnvelope } from './webhook-event';

/** Each event's headline for a Teams channel: French first, English second. */
const HEADLINES: Readonly<Record<WebhookEnvelope['type'], { fr: string; en: string }>> = {
  'pepin.filed': { fr: 'Nouveau pépin', en: 'New pépin' },
  'pepin.acknowledged': { fr: 'Pépin pris en compte', en: 'Pépin acknowledged' },
  'pepin.became_pepite': { fr: 'Un pépin devenu pépite', en: 'A pépin became a pépite' },
  'vote.opened': { fr: 'Vote ouvert', en: 'Vote opened' },
  'vote.closed': { fr: 'Vote clos', en: 'Vote closed' },
  'release.published': { fr: 'Nouvelle version du règlement', en: 'New rulebook release' },
  'advisory.published': { fr: 'Consigne temporaire', en: 'Interim advisory' },
};

function subjectOf(envelope: WebhookEnvelope): string {
  const data = envelope.data as Record<string, unknown>;
  const named = (data['pepin'] ?? data['proposal']) as { reference?: string; title?: string } | undefined;
  if (named?.reference) return `${named.reference} · ${named.title ?? ''}`;
  const release = data['release'] as { version?: number } | number | null | undefined;
  if (typeof release === 'object' && release?.version !== undefined) return `Version ${release.version}`;
  const advisory = data['advisory'] as { ruleKey?: string; message?: string } | undefined;
  if (advisory) return `${advisory.ruleKey ?? ''} · ${advisory.message ?? ''}`;
  return '';
}

/**
 * The ready-made format for a Microsoft Teams incoming webhook: a message with one Adaptive
 * Card (schema 1.4) naming the event in French and English, its subject, and a button to
 * the console page.
 */
export function teamsCard(envelope: WebhookEnvelope): object {
  const headline = HEADLINES[envelope.type];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: `${headline.fr} · ${headline.en}` },
            { type: 'TextBlock', wrap: true, text: subjectOf(envelope) },
            { type: 'TextBlock', isSubtle: true, spacing: 'None', wrap: true, text: `${envelope.type} · ${envelope.occurredAt}` },
          ],
          actions: envelope.url ? [{ type: 'Action.OpenUrl', title: 'Ouvrir dans Pépite · Open in Pépite', url: envelope.url }] : [],
        },
      },
    ],
  };
}
