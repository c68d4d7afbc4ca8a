import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Loading } from '../../ui/states';
import { TriageDuplicateCandidatesDocument, TriageMarkDuplicateDocument } from './detail-documents';

const MAX_CHOICES = 8;

/** Merge into another open pépin of the site, found by reference or title among the open ones. */
export function DuplicateForm({ pepinId, onDone }: { pepinId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('triage');
  const [query, setQuery] = useState('');
  const [keptId, setKeptId] = useState<string | null>(null);
  const candidates = useQuery(TriageDuplicateCandidatesDocument);
  const [markDuplicate, { loading, error }] = useMutation(TriageMarkDuplicateDocument);

  const text = query.trim().toLowerCase();
  const matches = text
    ? (candidates.data?.pepins.edges ?? [])
        .map((edge) => edge.node)
        .filter((p) => p.id !== pepinId)
        .filter((p) => p.reference.toLowerCase().includes(text) || p.title.toLowerCase().includes(text))
        .slice(0, MAX_CHOICES)
    : [];
  const kept = matches.find((p) => p.id === keptId) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!kept) return;
    const result = await markDuplicate({ variables: { id: pepinId, duplicateOf: kept.id } }).catch(() => null);
    if (result?.data) onDone(t('actions.duplicated', { reference: kept.reference }));
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="triage-dup-title">
      <h3 id="triage-dup-title">{t('actions.duplicateTitle')}</h3>
      <label>
        {t('actions.duplicateSearch')}
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="triage-dup-hint"
          autoComplete="off"
        />
        <span id="triage-dup-hint" className="hint">
          {t('actions.duplicateHint')}
        </span>
      </label>
      {candidates.error && <ErrorBanner error={candidates.error} onRetry={() => void candidates.refetch()} />}
      {text && !candidates.data && !candidates.error && <Loading />}
      {text && candidates.data && matches.length === 0 && <p className="muted">{t('actions.duplicateNoMatch')}</p>}
      {matches.length > 0 && (
        <fieldset className="stack">
          <legend>{t('actions.duplicateChoices')}</legend>
          {matches.map((p) => (
            <label key={p.id} className="inline">
              <input
                type="radio"
                name="triage-duplicate-of"
                value={p.id}
                checked={keptId === p.id}
                onChange={() => setKeptId(p.id)}
              />
              {p.reference} — {p.title}
            </label>
          ))}
        </fieldset>
      )}
      <div className="row">
        <button type="submit" disabled={loading || !kept}>
          {loading ? t('actions.working') : t('actions.duplicate')}
        </button>
        {matches.length > 0 && !kept && <span className="hint">{t('actions.duplicateChoose')}</span>}
      </div>
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
