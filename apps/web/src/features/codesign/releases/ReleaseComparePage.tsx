import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../../gql';
import { Page } from '../../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { RulebookDiff } from './RulebookDiff';

const CompareVersionsDocument = graphql(`
  query CodesignCompareVersions {
    releases(first: 100) {
      edges {
        node {
          version
        }
      }
    }
  }
`);

export const CompareRulebookDocument = graphql(`
  query CodesignCompareRulebook($version: Int!) {
    rulebook(version: $version) {
      release {
        version
      }
      rules {
        ...CodesignRuleFields
        tags
        effectiveFrom
      }
    }
  }
`);

/** /releases/compare?from=A&to=B — what changed between any two versions of the rulebook. */
export function ReleaseComparePage() {
  const { t } = useTranslation('codesign');
  const [params, setParams] = useSearchParams();
  const versions = useQuery(CompareVersionsDocument);
  const list = versions.data?.releases.edges.map((edge) => edge.node.version) ?? [];
  const latest = list[0] ?? 0;
  const to = Number(params.get('to')) || latest;
  const from = Number(params.get('from')) || Math.max(1, to - 1);

  const before = useQuery(CompareRulebookDocument, { variables: { version: from }, skip: !from });
  const after = useQuery(CompareRulebookDocument, { variables: { version: to }, skip: !to });
  const error = versions.error ?? before.error ?? after.error;

  function choose(name: 'from' | 'to', value: string) {
    const next = new URLSearchParams(params);
    next.set('from', String(from));
    next.set('to', String(to));
    next.set(name, value);
    setParams(next, { replace: true });
  }

  return (
    <Page title={t('compare.title')}>
      <div className="stack codesign">
        <div className="row">
          <VersionSelect label={t('compare.from')} value={from} versions={list} onChange={(value) => choose('from', value)} />
          <VersionSelect label={t('compare.to')} value={to} versions={list} onChange={(value) => choose('to', value)} />
        </div>
        {error && <ErrorBanner error={error} />}
        {versions.data && list.length === 0 && <EmptyState title={t('releases.empty')} />}
        {!error && (versions.loading || before.loading || after.loading) && !(before.data && after.data) && <Loading />}
        {before.data && after.data && (
          <RulebookDiff
            from={before.data.rulebook.release.version}
            to={after.data.rulebook.release.version}
            before={before.data.rulebook.rules}
            after={after.data.rulebook.rules}
          />
        )}
      </div>
    </Page>
  );
}

function VersionSelect({ label, value, versions, onChange }: {
  label: string;
  value: number;
  versions: readonly number[];
  onChange(value: string): void;
}) {
  const { t } = useTranslation('codesign');
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {versions.map((version) => (
          <option key={version} value={version}>
            {t('releases.versionN', { version })}
          </option>
        ))}
      </select>
    </label>
  );
}
