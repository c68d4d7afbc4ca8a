import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { Page } from '../../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { fromLocalInput } from '../datetime';
import { PublishError } from './PublishError';
import { PublishResult, type PublishedRelease } from './PublishResult';
import { ReleasePreview } from './ReleasePreview';

const PublishableDocument = graphql(`
  query CodesignPublishable {
    proposals(status: APPROVED, first: 100) {
      edges {
        node {
          id
          reference
          title
          pepins {
            ...CodesignProposalPepinFields
          }
          revision {
            ...CodesignRevisionChanges
          }
        }
      }
    }
    releases(first: 1) {
      totalCount
      edges {
        node {
          version
        }
      }
    }
  }
`);

const PublishDocument = graphql(`
  mutation CodesignPublishRelease($input: PublishReleaseInput!) {
    publishRelease(input: $input) {
      version
      sha256
      publishedAt
      notes
      answeredPepins
      changes {
        added
        amended
        retired
      }
    }
  }
`);

/** Approved proposals become rulebook version N+1: pick them, preview the changelog, publish. */
export function PublishPage() {
  const { t } = useTranslation('codesign');
  const { data, loading, error, refetch } = useQuery(PublishableDocument, { fetchPolicy: 'network-only' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState('');
  const [effectiveAt, setEffectiveAt] = useState('');
  const [mandatory, setMandatory] = useState<ReadonlySet<string>>(new Set());
  const [published, setPublished] = useState<PublishedRelease | null>(null);
  const [publish, publishing] = useMutation(PublishDocument);

  const proposals = data?.proposals.edges.map((edge) => edge.node) ?? [];
  const chosen = proposals.filter((proposal) => selected.has(proposal.id));
  const latest = data?.releases.edges[0]?.node.version ?? 0;
  const next = latest + 1;
  // The rules the chosen proposals change: any of them may be flagged "lecture obligatoire".
  const changedRules = [
    ...new Map(
      chosen.flatMap((proposal) => proposal.revision?.changes ?? []).map((change) => [change.ruleKey, change.rule?.title ?? change.ruleKey]),
    ),
  ].sort(([a], [b]) => a.localeCompare(b));

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const copy = new Set(current);
      if (on) copy.add(id);
      else copy.delete(id);
      return copy;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPublished(null);
    const result = await publish({
      variables: {
        input: {
          proposalIds: chosen.map((proposal) => proposal.id),
          notes: notes.trim() || null,
          effectiveAt: effectiveAt ? fromLocalInput(effectiveAt) : null,
          mandatoryRuleKeys: changedRules.map(([key]) => key).filter((key) => mandatory.has(key)),
        },
      },
    }).catch(() => null);
    if (result?.data) {
      setPublished({ ...result.data.publishRelease, scheduledAt: effectiveAt ? fromLocalInput(effectiveAt) : null });
      setSelected(new Set());
      setNotes('');
      setEffectiveAt('');
      setMandatory(new Set());
      await refetch();
    }
  }

  return (
    <Page title={t('publish.title')}>
      <div className="stack codesign">
        {published && <PublishResult release={published} />}
        {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Loading />}
        {data && proposals.length === 0 && (
          <EmptyState title={t('publish.empty')}>
            <p>
              <Link to="/proposals">{t('publish.emptyHint')}</Link>
            </p>
          </EmptyState>
        )}
        {proposals.length > 0 && (
          <form className="stack" onSubmit={submit}>
            <fieldset className="card stack">
              <legend>{t('publish.pick')}</legend>
              {proposals.map((proposal) => (
                <label key={proposal.id} className="inline">
                  <input
                    type="checkbox"
                    checked={selected.has(proposal.id)}
                    onChange={(event) => toggle(proposal.id, event.target.checked)}
                  />
                  {proposal.reference} — {proposal.title}
                </label>
              ))}
            </fieldset>

            <ReleasePreview version={next} proposals={chosen} />

            <section aria-labelledby="publish-details" className="card stack">
              <h2 id="publish-details">{t('publish.details')}</h2>
              <label>
                {t('publish.notes')}
                <textarea maxLength={4000} value={notes} onChange={(event) => setNotes(event.target.value)} />
              </label>
              <label>
                {t('publish.effectiveAt')}
                <input
                  type="datetime-local"
                  value={effectiveAt}
                  onChange={(event) => setEffectiveAt(event.target.value)}
                  aria-describedby="effective-hint"
                />
              </label>
              <p id="effective-hint" className="hint">
                {t('publish.effectiveHint')}
              </p>
            </section>

            {changedRules.length > 0 && (
              <fieldset className="card stack">
                <legend>{t('publish.mandatory')}</legend>
                <p className="hint">{t('publish.mandatoryHint')}</p>
                {changedRules.map(([key, title]) => (
                  <label key={key} className="inline">
                    <input
                      type="checkbox"
                      checked={mandatory.has(key)}
                      onChange={(event) =>
                        setMandatory((current) => {
                          const copy = new Set(current);
                          if (event.target.checked) copy.add(key);
                          else copy.delete(key);
                          return copy;
                        })
                      }
                    />
                    {key} — {title}
                  </label>
                ))}
              </fieldset>
            )}

            {publishing.error && <PublishError error={publishing.error} />}
            <div>
              <button type="submit" className="primary" disabled={chosen.length === 0 || publishing.loading}>
                {t('publish.submit', { version: next })}
              </button>
            </div>
          </form>
        )}
      </div>
    </Page>
  );
}
