import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from './ConfirmAction';
import { AdminDeactivateUserDocument, AdminReactivateUserDocument, type AdminSite, type AdminUser } from './queries';

export function UserRow({ user, sites, isSelf, editing, onEdit, onNotice }: {
  user: AdminUser;
  sites: readonly AdminSite[];
  isSelf: boolean;
  editing: boolean;
  onEdit(): void;
  onNotice(message: string): void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [deactivate] = useMutation(AdminDeactivateUserDocument);
  const [reactivate] = useMutation(AdminReactivateUserDocument);
  const site = sites.find((s) => s.id === user.siteId);
  const team = site?.teams.find((tm) => tm.id === user.teamId);
  const name = user.displayName;

  async function toggle() {
    if (user.active) {
      await deactivate({ variables: { id: user.id } });
      onNotice(t('users.deactivated', { name }));
    } else {
      await reactivate({ variables: { id: user.id } });
      onNotice(t('users.reactivated', { name }));
    }
  }

  return (
    <tr className={user.active ? undefined : 'admin-inactive'}>
      <th scope="row">
        {name}
        {isSelf && <span className="hint"> ({t('users.you')})</span>}
      </th>
      <td>{user.email}</td>
      <td>{tc(`roles.${user.role}`)}</td>
      <td>
        {site?.name ?? '—'}
        <div className="hint">{team?.name ?? t('users.noTeam')}</div>
      </td>
      <td>{t(`locales.${user.locale === 'en' ? 'en' : 'fr'}`)}</td>
      <td>
        <span className={`badge ${user.active ? 'admin-state-active' : 'admin-state-inactive'}`}>
          {user.active ? t('users.active') : t('users.inactive')}
        </span>
      </td>
      <td>
        <div className="row admin-actions">
          <button type="button" aria-label={t('users.editLabel', { name })} aria-expanded={editing} onClick={onEdit}>
            {t('users.edit')}
          </button>
          {!isSelf && (
            <ConfirmAction
              label={user.active ? t('users.deactivate') : t('users.reactivate')}
              accessibleLabel={user.active ? t('users.deactivateLabel', { name }) : t('users.reactivateLabel', { name })}
              question={user.active ? t('users.confirmDeactivate', { name }) : t('users.confirmReactivate', { name })}
              danger={user.active}
              onConfirm={toggle}
            />
          )}
        </div>
      </td>
    </tr>
  );
}
