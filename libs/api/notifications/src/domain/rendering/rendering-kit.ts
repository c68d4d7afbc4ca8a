import type { Locale } from '@pepite/api/errors';

/** Who reads a notification: the words, dates and links depend on it. */
export interface Reader {
  readonly locale: Locale;
  /** `OPERATOR` follows a pépin in "my pépins", everyone else in triage. */
  readonly role: string;
  /** IANA time zone dates are shown in: the reader's site's. */
  readonly timeZone: string;
}

/** A notification in one language: what the console, the desktop and e-mails show. */
export interface RenderedNotification {
  /** A short headline ("Vote opened"). */
  readonly title: string;
  /** The full sentence. */
  readonly body: string;
  /** Where it leads in the console (a path from its root), or null. */
  readonly link: string | null;
  /**
   * What it is about, named ("PEP-000028 « Cliente… »", "version 4"), from the words its
   * sentence already shows: what a link to it says it opens. Absent when nothing names it.
   */
  readonly subject?: string;
}

export type Params = Readonly<Record<string, unknown>>;
export type Words = { readonly [L in Locale]: string };

/** What a kind's words are built from. */
export interface RenderContext {
  readonly params: Params;
  readonly reader: Reader;
}

export function text(params: Params, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function count(params: Params, name: string): number {
  const value = params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function list(params: Params, name: string): string[] {
  const value = params[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const MAX_TITLE = 60;

/** An object as notifications name it: its reference and its (shortened) title, quoted the language's way. */
export function named(locale: Locale, reference: string, title: string): string {
  const characters = [...title];
  const short = characters.length > MAX_TITLE ? `${characters.slice(0, MAX_TITLE).join('')}…` : title;
  if (!short) return reference;
  return locale === 'fr' ? `${reference} « ${short} »` : `${reference} “${short}”`;
}

const INTL_LOCALE: Words = { fr: 'fr-FR', en: 'en-GB' };

/**
 * A date and time as people of the reader's language read it, in the reader's time zone
 * (never an ISO string). An unreadable value gives an empty string rather than "Invalid Date".
 */
export function when(value: unknown, reader: Reader): string {
  if (typeof value !== 'string') return '';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_LOCALE[reader.locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: reader.timeZone,
  }).format(at);
}

/** A list as the language joins it ("A, B et C" / "A, B and C"). */
export function joined(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(items);
}

/** A sentence followed by the manager's own words, when there are any. */
export function withNote(sentence: string, note: string, label: string, locale: Locale): string {
  if (!note) return sentence;
  return locale === 'fr' ? `${sentence} ${label} : ${note}` : `${sentence} ${label}: ${note}`;
}

export function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
