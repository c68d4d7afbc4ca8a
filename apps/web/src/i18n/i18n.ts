import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';

/** French first: the call centres this is for work in French; English for everyone else. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'pepite.console.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

void i18n.use(initReactI18next).init({
  resources: { fr: { common: common.fr }, en: { common: common.en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(LANGUAGE_KEY, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

/** A feature registers its own catalog (namespace = feature name), French and English. */
export function registerMessages(namespace: string, messages: { fr: Record<string, unknown>; en: Record<string, unknown> }) {
  i18n.addResourceBundle('fr', namespace, messages.fr, true, true);
  i18n.addResourceBundle('en', namespace, messages.en, true, true);
}

export default i18n;
