import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../rulebook/ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import type { Session } from './session';

interface Props {
  readonly session: Session;
  readonly onSignOut: (expired: boolean) => void;
}

export function Header({ session, onSignOut }: Props) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" /> {t('app.brand')}
        <span className="brand-sub">{t('app.subtitle')}</span>
      </span>
      <ConnectionStatus onSignInAgain={() => onSignOut(true)} />
      <div className="topbar-tools">
        <LanguageSwitch />
        <span className="who">{t('app.signedInAs', { name: session.user.displayName })}</span>
        <button type="button" onClick={() => onSignOut(false)}>
          {t('app.signOut')}
        </button>
      </div>
    </header>
  );
}
