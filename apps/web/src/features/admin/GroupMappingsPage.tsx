import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { ConfirmAction } from './ConfirmAction';
import { AdminGroupMappingsDocument, AdminRemoveGroupMappingDocument } from './group-mapping-queries';
import { GroupMappingForm } from './GroupMappingForm';
import { AdminSitesDocument } from './queries';
import { DataTable } from '../../ui/DataTable';

/** /admin/sso: which group of the identity provider gives which role, site and team. */
export function GroupMappingsPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const mappings = useQuery(AdminGroupMappingsDocument);
  const sites = useQuery(AdminSitesDocument);
  const [remove] = useMutation(AdminRemoveGroupMappingDocument, { refetchQueries: [AdminGroupMappingsDocument], awaitRefetchQueries: true });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const siteList = sites.data?.sites ?? [];
  const placeOf = (siteId: string, teamId: string | null | undefined) => {
    const site = siteList.find((s) => s.id === siteId);
    const team = site?.teams.find((tm) => tm.id === teamId);
    return team ? `${site?.name ?? ''} — ${team.name}` : (site?.name ?? '');
  };
  const rows = mappings.data?.identityGroupMappings ?? [];

  return (
    <Page
      title={t('sso.title')}
      actions={
        !editing && (
          <button type="button" className="primary" onClick={() => setEditing(true)} disabled={siteList.length === 0}>
            {t('sso.add')}
          </button>
        )
      }
    >
      <p className="muted">{t('sso.intro')}</p>
      <p role="status" className="success">
        {notice}
      </p>
      {editing && (
        <GroupMappingForm
          sites={siteList}
          onDone={(group) => {
            setEditing(false);
            setNotice(t('sso.saved', { group }));
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {mappings.error && <ErrorBanner error={mappings.error} onRetry={() => void mappings.refetch()} />}
      {mappings.loading && !mappings.data && <Loading />}
      {mappings.data && rows.length === 0 && <EmptyState title={t('sso.empty')}>{t('sso.emptyHint')}</EmptyState>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <DataTable
            caption={t('sso.caption')}
            showCaption
            columns={[t('sso.group'), t('sso.role'), t('sso.place'), t('sso.actions')]}
          >
            {rows.map((mapping) => (
              <tr key={mapping.id}>
                <th scope="row">
                  <code>{mapping.group}</code>
                </th>
                <td>{common(`roles.${mapping.role}`)}</td>
                <td>{placeOf(mapping.siteId, mapping.teamId)}</td>
                <td>
                  <ConfirmAction
                    label={t('sso.remove')}
                    accessibleLabel={t('sso.removeLabel', { group: mapping.group })}
                    question={t('sso.confirmRemove', { group: mapping.group })}
                    danger
                    onConfirm={async () => {
                      await remove({ variables: { id: mapping.id } });
                      setNotice(t('sso.removed', { group: mapping.group }));
                    }}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Page>
  );
}
