import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminCreateTeamDocument, AdminSitesDocument, type AdminSite } from './queries';
import { ErrorAlert } from '../../ui/states';

export function AddTeamForm({ site, onAdded }: { site: AdminSite; onAdded(name: string): void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [createTeam, { loading }] = useMutation(AdminCreateTeamDocument, { refetchQueries: [AdminSitesDocument], awaitRefetchQueries: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setError(null);
    try {
      const result = await createTeam({ variables: { siteId: site.id, name: name.trim() } });
      if (result.data) {
        setName('');
        onAdded(result.data.createTeam.name);
      }
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <div className="row admin-inline-form">
        <label>
          <span>
            {t('teams.add')} <span className="visually-hidden">({site.name})</span>
          </span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        <button type="submit" disabled={loading}>
          {t('teams.addSubmit')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
