import type { KindCatalogue, KindDefinition } from './kind-definition';
import { ADMINISTRATION_KINDS } from './administration-kinds';
import { LISTENING_KINDS } from './listening-kinds';
import { PEPIN_KINDS } from './pepin-kinds';
import { PROPOSAL_KINDS } from './proposal-kinds';
import { READING_KINDS } from './reading-kinds';
import type { Locale } from '@pepite/api/errors';
import { named, text, type Params, type Reader, type RenderedNotification } from './rendering-kit';

/**
 * Notifications written before they were stored as a kind and parameters: their French
 * and English sentences were kept in `params.text` by the migration, and their first kind
 * in `params.legacyKind`.
 */
export const LEGACY_KIND = 'LEGACY_TEXT';

const LEGACY: KindDefinition = {
  title: { fr: 'Notification', en: 'Notification' },
  body: { fr: (c) => legacyText(c.params, 'fr'), en: (c) => legacyText(c.params, 'en') },
};

function legacyText(params: Params, locale: 'fr' | 'en'): string {
  const stored = params['text'];
  if (typeof stored !== 'object' || stored === null) return '';
  const value = (stored as Record<string, unknown>)[locale];
  return typeof value === 'string' ? value : '';
}

/** Every kind a context may send, and how it reads. */
const CATALOGUE: KindCatalogue = {
  ...PEPIN_KINDS,
  ...LISTENING_KINDS,
  ...PROPOSAL_KINDS,
  ...ADMINISTRATION_KINDS,
  ...READING_KINDS,
  [LEGACY_KIND]: LEGACY,
};

/** The kinds contexts may send (the legacy one only comes from the migration). */
export const NOTIFICATION_KINDS: readonly string[] = Object.keys(CATALOGUE).filter((kind) => kind !== LEGACY_KIND);

export function isKnownKind(kind: string): boolean {
  return Object.hasOwn(CATALOGUE, kind);
}

/** What a stored notification is: its kind, its parameters and the object it is about. */
export interface Renderable {
  readonly kind: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly params: Params;
}

/** Operators follow a pépin in "my pépins", managers and admins in triage. */
function pepinPath(reader: Reader, id: string): string {
  return reader.role === 'OPERATOR' ? `/my-pepins/${id}` : `/triage/${id}`;
}

/** Where a notification leads in the console, from its subject. */
function linkOf(notification: Renderable, reader: Reader): string | null {
  const id = notification.subjectId;
  if (!id) return null;
  switch (notification.subjectType) {
    case 'PEPIN':
      return pepinPath(reader, id);
    case 'PROPOSAL':
      return notification.kind === 'VOTE_OPENED' ? `/proposals/${id}/vote` : `/proposals/${id}`;
    case 'LISTENING_SESSION': {
      const pepinId = text(notification.params, 'pepinId');
      return pepinId ? pepinPath(reader, pepinId) : null;
    }
    case 'WEBHOOK':
      return '/admin/webhooks';
    default:
      return null;
  }
}

/**
 * The one renderer of notifications: kind + parameters + reader → title, sentence and link,
 * in the reader's language and time zone. The console, the desktop and e-mails all read
 * notifications through it. An unknown kind (a row from a newer version) reads as a plain
 * "Notification" rather than failing the whole list.
 */
export function renderNotification(notification: Renderable, reader: Reader): RenderedNotification {
  const definition = CATALOGUE[notification.kind];
  const link = linkOf(notification, reader);
  if (!definition) {
    return { title: LEGACY.title[reader.locale], body: LEGACY.title[reader.locale], link };
  }
  const context = { params: notification.params, reader };
  const subject = subjectOf(notification.params, reader.locale);
  return { title: definition.title[reader.locale], body: definition.body[reader.locale](context), link, ...(subject ? { subject } : {}) };
}

/**
 * The object a notification is about, named from the parameters its sentence shows (never
 * from anything else: a reader sees no more than the sentence tells): a pépin's or proposal's
 * reference and title, or a release.
 */
function subjectOf(params: Params, locale: Locale): string | null {
  const reference = text(params, 'reference');
  if (reference) return named(locale, reference, text(params, 'title'));
  const proposal = text(params, 'proposalReference');
  if (proposal) return proposal;
  const release = text(params, 'release');
  if (release) return locale === 'fr' ? `la version ${release}` : `release ${release}`;
  return null;
}
