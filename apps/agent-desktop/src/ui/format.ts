import i18n from '../i18n/i18n';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'fr-FR';
}

/** "2 décembre 2026" */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale(), { dateStyle: 'long' });
}

/** "2 décembre 2026 à 14:05" */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale(), { dateStyle: 'long', timeStyle: 'short' });
}
