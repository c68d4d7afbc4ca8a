/** The small pages of the unsubscribe link: it is opened from a mail client, without signing in. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)}</title></head>
<body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;color:#1f2933;line-height:1.5">
<main><h1 style="font-size:22px">${escape(title)}</h1>${body}</main></body></html>`;
}

export function confirmPage(locale: 'fr' | 'en', token: string): string {
  const fr = locale === 'fr';
  return page(
    locale,
    fr ? 'Se désabonner' : 'Unsubscribe',
    `<p>${fr ? 'Vous ne recevrez plus ce type d’e-mail. Les notifications restent visibles dans Pépite.' : 'You will no longer receive e-mails of this kind. Notifications stay visible in Pépite.'}</p>
<form method="post" action="/api/mail/unsubscribe?token=${encodeURIComponent(token)}">
<button type="submit" style="padding:10px 18px;font-size:16px">${fr ? 'Confirmer le désabonnement' : 'Confirm unsubscribe'}</button>
</form>
<p><a href="/settings/notifications">${fr ? 'Choisir plutôt ce que je reçois' : 'Choose what I receive instead'}</a></p>`,
  );
}

export function donePage(locale: 'fr' | 'en', digest: boolean): string {
  const fr = locale === 'fr';
  const what = digest ? (fr ? 'le résumé quotidien' : 'the daily digest') : fr ? 'ce type d’e-mail' : 'e-mails of this kind';
  return page(
    locale,
    fr ? 'Désabonnement enregistré' : 'Unsubscribed',
    `<p>${fr ? `Vous ne recevrez plus ${what}.` : `You will no longer receive ${what}.`}</p>
<p><a href="/settings/notifications">${fr ? 'Changer mes préférences' : 'Change my preferences'}</a></p>`,
  );
}

/** An unreadable link: both languages, since nobody is known. */
export function invalidPage(): string {
  return page(
    'fr',
    'Lien non valable · Invalid link',
    `<p>Ce lien de désabonnement n’est pas valable : il a peut-être été coupé. Changez vos préférences dans Pépite.</p>
<p lang="en">This unsubscribe link is not valid: it may have been cut. Change your preferences in Pépite.</p>
<p><a href="/settings/notifications">Préférences · Preferences</a></p>`,
  );
}
