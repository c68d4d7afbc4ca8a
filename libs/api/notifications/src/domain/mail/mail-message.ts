import type { Locale } from '@pepite/api/errors';
import type { Reader, RenderedNotification } from '../rendering/rendering-kit';

/** An e-mail ready for the transport: both bodies in the reader's language. */
export interface MailMessage {
  readonly subject: string;
  readonly html: string;
  /** The plain-text alternative, for clients and people that do not read HTML. */
  readonly text: string;
}

/** Where a message's links lead: absolute URLs, built by the caller from the public URL. */
export interface MailLinks {
  /** The console's origin, e.g. `https://pepite.example.com`. */
  readonly base: string;
  /** The one-click unsubscribe page of this message's kind (or of the digest). */
  readonly unsubscribe: string;
}

/** The console screen where a person chooses what reaches them by e-mail. */
export const PREFERENCES_PATH = '/settings/notifications';

const WORDS = {
  fr: {
    open: 'Ouvrir dans Pépite',
    // In a digest every item has its link: each says what it opens (distinct link names).
    openItem: (subject: string, title: string) => `Ouvrir ${subject} (${lowerFirst(title)})`,
    openTitle: (title: string) => `Ouvrir « ${title} »`,
    why: 'Vous recevez cet e-mail selon vos préférences de notification.',
    preferences: 'Choisir ce que je reçois',
    unsubscribe: 'Ne plus recevoir ce type d’e-mail',
    unsubscribeDigest: 'Ne plus recevoir le résumé quotidien',
    digestSubject: (date: string, n: number) => `Votre résumé Pépite du ${date} (${n} ${n > 1 ? 'nouvelles' : 'nouvelle'})`,
    digestTitle: (date: string) => `Ce qui s’est passé avant le ${date}`,
    digestIntro: 'Voici les notifications que vous n’avez pas encore lues.',
  },
  en: {
    open: 'Open in Pépite',
    openItem: (subject: string, title: string) => `Open ${subject} (${lowerFirst(title)})`,
    openTitle: (title: string) => `Open “${title}”`,
    why: 'You receive this e-mail because of your notification preferences.',
    preferences: 'Choose what I receive',
    unsubscribe: 'Stop e-mails of this kind',
    unsubscribeDigest: 'Stop the daily digest',
    digestSubject: (date: string, n: number) => `Your Pépite digest of ${date} (${n} ${n > 1 ? 'updates' : 'update'})`,
    digestTitle: (date: string) => `What happened before ${date}`,
    digestIntro: 'Here are the notifications you have not read yet.',
  },
} as const;

/** "Pépin pris en compte" → "pépin pris en compte", inside a sentence (an acronym stays as it is). */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** What one digest item's link says it opens. */
function itemLinkText(locale: Locale, item: RenderedNotification): string {
  const words = WORDS[locale];
  return item.subject ? words.openItem(item.subject, item.title) : words.openTitle(item.title);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function absolute(base: string, path: string | null): string {
  return `${base.replace(/\/$/, '')}${path ?? '/'}`;
}

/** The frame every message shares: a heading, the content, and why it came with how to stop it. */
function page(locale: Locale, title: string, content: string, links: MailLinks, unsubscribeLabel: string): string {
  const words = WORDS[locale];
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f1ea;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2933">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f1ea"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px">
<tr><td style="padding:16px 24px;background:#7a4b00;border-radius:8px 8px 0 0;color:#ffffff;font-size:18px;font-weight:bold">Pépite</td></tr>
<tr><td style="padding:24px">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escape(title)}</h1>
${content}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e4e0d8;font-size:13px;color:#52606d;line-height:1.5">
${escape(words.why)}<br>
<a href="${escape(absolute(links.base, PREFERENCES_PATH))}" style="color:#7a4b00">${escape(words.preferences)}</a> ·
<a href="${escape(links.unsubscribe)}" style="color:#7a4b00">${escape(unsubscribeLabel)}</a>
</td></tr>
</table></td></tr></table>
</body>
</html>
`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0 0"><a href="${escape(href)}" style="display:inline-block;padding:12px 20px;background:#7a4b00;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escape(label)}</a></p>`;
}

function footerText(locale: Locale, links: MailLinks, unsubscribeLabel: string): string {
  const words = WORDS[locale];
  return `--\n${words.why}\n${words.preferences}: ${absolute(links.base, PREFERENCES_PATH)}\n${unsubscribeLabel}: ${links.unsubscribe}\n`;
}

/** One notification, sent at once. Its words come from the one renderer (`renderNotification`). */
export function singleMessage(reader: Reader, rendered: RenderedNotification, links: MailLinks): MailMessage {
  const words = WORDS[reader.locale];
  const href = absolute(links.base, rendered.link);
  const html = page(
    reader.locale,
    rendered.title,
    `<p style="margin:0;font-size:16px;line-height:1.5">${escape(rendered.body)}</p>\n${button(href, words.open)}`,
    links,
    words.unsubscribe,
  );
  const text = `${rendered.title}\n\n${rendered.body}\n\n${words.open}: ${href}\n\n${footerText(reader.locale, links, words.unsubscribe)}`;
  return { subject: `Pépite · ${rendered.title}`, html, text };
}

/** The daily digest: every notification of the period, newest last, each with its link. */
export function digestMessage(
  reader: Reader,
  localDate: string,
  rendered: readonly RenderedNotification[],
  links: MailLinks,
): MailMessage {
  const words = WORDS[reader.locale];
  const date = new Intl.DateTimeFormat(reader.locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${localDate}T12:00:00Z`),
  );
  const items = rendered
    .map(
      (item) =>
        `<li style="margin:0 0 16px"><strong>${escape(item.title)}</strong><br>${escape(item.body)}<br>` +
        `<a href="${escape(absolute(links.base, item.link))}" style="color:#7a4b00">${escape(itemLinkText(reader.locale, item))}</a></li>`,
    )
    .join('\n');
  const html = page(
    reader.locale,
    words.digestTitle(date),
    `<p style="margin:0 0 16px;font-size:16px">${escape(words.digestIntro)}</p>\n<ul style="padding-left:20px;font-size:15px;line-height:1.5">\n${items}\n</ul>`,
    links,
    words.unsubscribeDigest,
  );
  const text =
    `${words.digestTitle(date)}\n\n${words.digestIntro}\n\n` +
    rendered.map((item) => `* ${item.title}\n  ${item.body}\n  ${itemLinkText(reader.locale, item)}${reader.locale === 'fr' ? ' : ' : ': '}${absolute(links.base, item.link)}\n`).join('\n') +
    `\n${footerText(reader.locale, links, words.unsubscribeDigest)}`;
  return { subject: words.digestSubject(date, rendered.length), html, text };
}
