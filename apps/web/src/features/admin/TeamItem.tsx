import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminRenameTeamDocument, type AdminSite } from './queries';
import { ErrorAlert } from '../../ui/states';

type Team = AdminSite['teams'][number];

/** One team, renamed in place. */
export function TeamItem({ team, onRenamed }: { team: Team; onRenamed(name: string): void }) {
  const { t } = useTranslation('admin');
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<unknown>(null);
  const [renameTeam, { loading }] = useMutation(AdminRenameTeamDocument);

  function open() {
    setName(team.name);
    setError(null);
    setRenaming(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setError(null);
    try {
      const result = await renameTeam({ variables: { id: team.id, name: name.trim() } });
      if (result.data) {
        setRenaming(false);
        onRenamed(result.data.renameTeam.name);
      }
    } catch (caught) {
      setError(caught);
    }
  }

  if (!renaming) {
    return (
      <li className="row admin-team">
        <span>{team.name}</span>
        <button type="button" aria-label={t('teams.renameLabel', { name: team.name })} onClick={open}>
          {t('teams.rename')}
        </button>
      </li>
    );
  }
  return (
    <li>
      <form className="stack" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}>
        <div className="row admin-inline-form">
          <label>
            {t('teams.newName', { name: team.name })}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoFocus />
          </label>
          <button type="submit" className="primary" disabled={loading}>
            {t('teams.save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('teams.cancel')}
          </button>
        </div>
        <ErrorAlert error={error} />
      </form>
    </li>
  );
}
