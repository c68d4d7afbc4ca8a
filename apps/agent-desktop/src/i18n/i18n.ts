import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages } from './messages';

/** French first: the call centres this is for work in French; English for everyone else. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'pepite.desktop.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

void i18n.use(initReactI18next).init({
  resources: { fr: { desktop: messages.fr }, en: { desktop: messages.en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  defaultNS: 'desktop',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(LANGUAGE_KEY, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
