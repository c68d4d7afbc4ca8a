import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { NotificationDeliveryMode } from '../../gql/graphql';
import { Page } from '../../ui/page';
import { EmptyState, ErrorAlert, ErrorBanner, Loading } from '../../ui/states';
import { DataTable } from '../../ui/DataTable';

const PreferencesDocument = graphql(`
  query SettingsNotificationPreferences {
    myNotificationPreferences {
      kind
      title
      mode
      defaultMode
    }
  }
`);

const SavePreferencesDocument = graphql(`
  mutation SettingsSaveNotificationPreferences($input: SetNotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      kind
      title
      mode
      defaultMode
    }
  }
`);

const MODES: readonly NotificationDeliveryMode[] = ['IMMEDIATE', 'DIGEST', 'OFF'] as NotificationDeliveryMode[];

/** /settings/notifications: per kind of notification, an e-mail at once, in the daily digest, or none. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation('settings');
  const { data, loading, error, refetch } = useQuery(PreferencesDocument);
  const [save, saving] = useMutation(SavePreferencesDocument);
  const [chosen, setChosen] = useState<Record<string, NotificationDeliveryMode>>({});
  const [saved, setSaved] = useState(false);
  const preferences = data?.myNotificationPreferences ?? [];

  const modeOf = (kind: string, mode: NotificationDeliveryMode) => chosen[kind] ?? mode;
  const choose = (kind: string, mode: NotificationDeliveryMode) => {
    setSaved(false);
    setChosen((previous) => ({ ...previous, [kind]: mode }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const changes = preferences.map((preference) => ({ kind: preference.kind, mode: modeOf(preference.kind, preference.mode) }));
    await save({ variables: { input: { preferences: changes } } })
      .then(() => {
        setChosen({});
        setSaved(true);
        return refetch();
      })
      .catch(() => undefined);
  }

  function reset() {
    setSaved(false);
    setChosen(Object.fromEntries(preferences.map((preference) => [preference.kind, preference.defaultMode])));
  }

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      {loading && !data && <Loading />}
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {data && preferences.length === 0 && <EmptyState title={t('empty')} />}
      {preferences.length > 0 && (
        <form onSubmit={(event) => void submit(event)} className="preferences-form">
          <DataTable
            className="preferences"
            caption={t('caption')}
            showCaption
            columns={[t('kind'), t('mode')]}
          >
            {preferences.map((preference) => (
              <tr key={preference.kind}>
                <th scope="row" id={`kind-${preference.kind}`}>
                  {preference.title}
                </th>
                <td>
                  <fieldset aria-labelledby={`kind-${preference.kind}`} className="mode-choice">
                    {MODES.map((mode) => (
                      <label key={mode} className="inline">
                        <input
                          type="radio"
                          name={preference.kind}
                          value={mode}
                          checked={modeOf(preference.kind, preference.mode) === mode}
                          onChange={() => choose(preference.kind, mode)}
                        />{' '}
                        {t(`modes.${mode}`)}
                        {mode === preference.defaultMode && <span className="muted"> ({t('default')})</span>}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
          </DataTable>
          <ErrorAlert error={saving.error} />
          <div className="form-actions">
            <button type="submit" disabled={saving.loading}>
              {saving.loading ? t('saving') : t('save')}
            </button>
            <button type="button" onClick={reset} disabled={saving.loading}>
              {t('reset')}
            </button>
          </div>
          {saved && (
            <p role="status" className="success">
              {t('saved')}
            </p>
          )}
        </form>
      )}
    </Page>
  );
}
