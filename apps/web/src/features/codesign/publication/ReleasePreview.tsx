import { useTranslation } from 'react-i18next';
import type { RuleChangeKind } from '../../../gql/graphql';
import { ProposalChanges, type RuleDiffView } from '../proposals/ProposalChanges';

interface Chosen {
  readonly id: string;
  readonly reference: string;
  readonly pepins: readonly { id: string; reference: string; title: string }[];
  readonly revision: {
    readonly changes: readonly { kind: RuleChangeKind; ruleKey: string; rule?: { title: string } | null }[];
    readonly diff: readonly RuleDiffView[];
  };
}

const GROUPS: readonly RuleChangeKind[] = ['CREATE', 'AMEND', 'RETIRE'];

/** The release before it exists: rules added, amended, retired (with their diffs), and the pépins answered. */
export function ReleasePreview({ version, proposals }: { version: number; proposals: readonly Chosen[] }) {
  const { t } = useTranslation('codesign');
  const diffs = proposals.flatMap((proposal) => proposal.revision.diff);
  const kinds = new Map(
    proposals.flatMap((proposal) => proposal.revision.changes.map((change) => [change.ruleKey, change.kind] as const)),
  );
  const titles = new Map(
    proposals.flatMap((proposal) =>
      proposal.revision.changes.map((change) => [change.ruleKey, change.rule?.title ?? null] as const),
    ),
  );
  const pepins = proposals.flatMap((proposal) => proposal.pepins);

  return (
    <section aria-labelledby="preview" className="stack">
      <h2 id="preview">{t('publish.preview', { version })}</h2>
      {proposals.length === 0 ? (
        <p className="muted">{t('publish.pickFirst')}</p>
      ) : (
        <>
          {GROUPS.map((kind) => {
            const group = diffs.filter((diff) => (diff.kind ?? kinds.get(diff.ruleKey)) === kind);
            if (group.length === 0) return null;
            return (
              <div key={kind} className="stack">
                <p className="group-title">{t(`publish.group.${kind}`, { count: group.length })}</p>
                <ProposalChanges diffs={group} titles={titles} />
              </div>
            );
          })}
          <div className="card">
            <p className="group-title">{t('publish.becomePepites', { count: pepins.length })}</p>
            <ul>
              {pepins.map((pepin) => (
                <li key={pepin.id}>
                  {pepin.reference} — {pepin.title}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
