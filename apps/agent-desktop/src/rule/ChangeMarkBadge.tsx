import { useTranslation } from 'react-i18next';
import type { ChangeMark } from '../rulebook/seen';

/** "Nouveau" / "Modifié" in words (not colour alone). */
export function ChangeMarkBadge({ mark }: { mark: ChangeMark }) {
  const { t } = useTranslation();
  if (!mark) return null;
  return <span className={`mark mark-${mark}`}>{t(mark === 'new' ? 'mark.new' : 'mark.changed')}</span>;
}
