import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n';

const NAMES: Record<(typeof LANGUAGES)[number], string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="inline">
      {t('app.language')}
      <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
