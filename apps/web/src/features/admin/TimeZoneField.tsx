import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The zones French-speaking call centres mostly sit in; anything else goes in the free field. */
export const COMMON_TIME_ZONES = [
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Luxembourg',
  'Europe/Zurich',
  'Europe/Monaco',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Madrid',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Rome',
  'Europe/Vienna',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Bucharest',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Stockholm',
  'Atlantic/Canary',
] as const;

const OTHER = '__other__';

export function TimeZoneField({ value, onChange, idPrefix }: { value: string; onChange(zone: string): void; idPrefix: string }) {
  const { t } = useTranslation('admin');
  const [custom, setCustom] = useState(() => !(COMMON_TIME_ZONES as readonly string[]).includes(value));

  function choose(selected: string) {
    if (selected === OTHER) {
      setCustom(true);
      return;
    }
    setCustom(false);
    onChange(selected);
  }

  return (
    <div className="grid-2">
      <label>
        {t('siteForm.timeZone')}
        <select value={custom ? OTHER : value} onChange={(e) => choose(e.target.value)}>
          {COMMON_TIME_ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
          <option value={OTHER}>{t('siteForm.otherZone')}</option>
        </select>
      </label>
      {custom && (
        <label>
          {t('siteForm.customZone')}
          <input
            value={value}
            onChange={(e) => onChange(e.target.value)}
            required
            maxLength={64}
            spellCheck={false}
            aria-describedby={`${idPrefix}-zone-hint`}
          />
          <span id={`${idPrefix}-zone-hint`} className="hint">
            {t('siteForm.customZoneHint')}
          </span>
        </label>
      )}
    </div>
  );
}
