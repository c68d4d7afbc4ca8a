import { useQuery } from '@apollo/client/react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth-context';
import { Page } from '../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { CreateUserForm } from './CreateUserForm';
import { EditUserForm } from './EditUserForm';
import { AdminSitesDocument, AdminUsersDocument } from './queries';
import { filterUsers, NO_FILTER, type UserFilter } from './user-filter';
import { UserFilters } from './UserFilters';
import { UserRow } from './UserRow';
import { DataTable } from '../../ui/DataTable';

const COLUMNS = 7;

/** /admin/users: every account, searchable; create, edit, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const users = useQuery(AdminUsersDocument);
  const sites = useQuery(AdminSitesDocument);
  const [filter, setFilter] = useState<UserFilter>(NO_FILTER);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const all = users.data?.users;
  const siteList = sites.data?.sites ?? [];
  const shown = useMemo(() => (all ? filterUsers(all, filter) : []), [all, filter]);
  const error = users.error ?? sites.error;

  return (
    <Page
      title={t('users.title')}
      actions={
        !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)} disabled={siteList.length === 0}>
            {t('users.create')}
          </button>
        )
      }
    >
      <p className="muted">{t('users.intro')}</p>
      <p role="status" className="success">
        {notice}
      </p>
      {creating && sites.data && (
        <CreateUserForm
          sites={siteList}
          onCreated={(name) => {
            setCreating(false);
            setNotice(t('users.created', { name }));
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {error && (
        <ErrorBanner
          error={error}
          onRetry={() => {
            void users.refetch();
            void sites.refetch();
          }}
        />
      )}
      {(users.loading || sites.loading) && !(all && sites.data) && <Loading />}
      {all && sites.data && (
        <>
          <UserFilters sites={siteList} value={filter} onChange={setFilter} />
          {all.length === 0 && <EmptyState title={t('users.empty')} />}
          {all.length > 0 && (
            <p className="hint" aria-live="polite">
              {t('users.shown', { count: shown.length, total: all.length })}
            </p>
          )}
          {all.length > 0 && shown.length === 0 && <EmptyState title={t('users.noMatch')} />}
          {shown.length > 0 && (
            <div className="table-wrap">
              <DataTable
                caption={t('users.caption')}
                columns={[t('users.name'), t('users.email'), t('users.role'), t('users.place'), t('users.locale'), t('users.state'), t('users.actions')]}
              >
                {shown.map((user) => (
                  <Fragment key={user.id}>
                    <UserRow
                      user={user}
                      sites={siteList}
                      isSelf={user.id === me.id}
                      editing={editingId === user.id}
                      onEdit={() => setEditingId(editingId === user.id ? null : user.id)}
                      onNotice={setNotice}
                    />
                    {editingId === user.id && (
                      <tr className="admin-edit-row">
                        <td colSpan={COLUMNS}>
                          <EditUserForm
                            user={user}
                            sites={siteList}
                            isSelf={user.id === me.id}
                            onSaved={(name) => {
                              setEditingId(null);
                              setNotice(t('users.saved', { name }));
                            }}
                            onCancel={() => setEditingId(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </DataTable>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
