import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RuleChangeInput } from '../../../gql/graphql';
import { ErrorBanner } from '../../../ui/states';
import { CreateProposalDocument, ReviseProposalDocument } from './editor-queries';
import { PepinTitle } from '../proposals/PepinTitle';
import { changedFields, EMPTY_RULE } from '../diff/rule-fields';
import { RuleChangeEditor, type ChangeDraft, type CurrentRule } from './RuleChangeEditor';

type Mode =
  | { kind: 'create'; pepinIds: readonly string[] }
  | { kind: 'revise'; proposalId: string; pepins: readonly { id: string; reference: string; title: string }[] };

interface Props {
  mode: Mode;
  rules: readonly CurrentRule[];
  initial: { title: string; rationale: string; changes: readonly ChangeDraft[] };
  /** How the revision will be signed, said before saving (an operator co-author's name or label). */
  signature?: string;
}

/** What the API receives: AMEND sends only the edited fields (the rest keep the published value). */
function toInput(draft: ChangeDraft, rules: readonly CurrentRule[]): RuleChangeInput {
  if (draft.kind === 'RETIRE') return { kind: 'RETIRE', ruleKey: draft.ruleKey };
  if (draft.kind === 'CREATE') return { kind: 'CREATE', ruleKey: draft.ruleKey, ...draft.fields };
  const current = rules.find((rule) => rule.key === draft.ruleKey) ?? null;
  const edited = Object.fromEntries(changedFields(current, draft.fields).map((change) => [change.field, change.after]));
  return { kind: 'AMEND', ruleKey: draft.ruleKey, ...edited };
}

/** The proposal form: title, why, the pépins answered, the rule changes each with its live diff. */
export function ProposalEditor({ mode, rules, initial, signature }: Props) {
  const { t } = useTranslation('codesign');
  const navigate = useNavigate();
  const [title, setTitle] = useState(initial.title);
  const [rationale, setRationale] = useState(initial.rationale);
  const [note, setNote] = useState('');
  const [changes, setChanges] = useState<readonly ChangeDraft[]>(initial.changes);
  const [create, created] = useMutation(CreateProposalDocument);
  const [revise, revised] = useMutation(ReviseProposalDocument);
  const saving = created.loading || revised.loading;
  const error = created.error ?? revised.error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = changes.map((draft) => toInput(draft, rules));
    let id: string | undefined;
    if (mode.kind === 'create') {
      const result = await create({
        variables: { input: { pepinIds: [...mode.pepinIds], title, rationale, changes: input } },
      }).catch(() => null);
      id = result?.data?.createProposal.id;
    } else {
      const result = await revise({
        variables: { id: mode.proposalId, input: { title, rationale, note, changes: input } },
      }).catch(() => null);
      id = result?.data?.reviseProposal.id;
    }
    if (id) await navigate(`/proposals/${id}`);
  }

  const nextUid = Math.max(0, ...changes.map((change) => change.uid)) + 1;

  return (
    <form className="stack proposal-editor" onSubmit={submit} aria-describedby={error ? 'editor-error' : undefined}>
      <section aria-labelledby="editor-pepins" className="card">
        <h2 id="editor-pepins">{t('editor.pepins')}</h2>
        {mode.kind === 'create' ? (
          mode.pepinIds.length === 0 ? (
            <p className="error">{t('editor.noPepins')}</p>
          ) : (
            <ul>
              {mode.pepinIds.map((id) => (
                <li key={id}>
                  <PepinTitle id={id} />
                </li>
              ))}
            </ul>
          )
        ) : (
          <ul>
            {mode.pepins.map((pepin) => (
              <li key={pepin.id}>
                {pepin.reference} — {pepin.title}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="editor-about" className="card stack">
        <h2 id="editor-about">{t('editor.about')}</h2>
        <label>
          {t('editor.title')}
          <input
            required
            minLength={5}
            maxLength={160}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label>
          {t('editor.rationale')}
          <textarea
            required
            minLength={20}
            maxLength={4000}
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
          />
        </label>
        {mode.kind === 'revise' && (
          <label>
            {t('editor.note')}
            <textarea
              required
              minLength={5}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
        )}
      </section>

      <section aria-labelledby="editor-changes" className="stack">
        <h2 id="editor-changes">{t('editor.changes')}</h2>
        {rules.length === 0 && <p className="hint">{t('editor.emptyRulebook')}</p>}
        {changes.map((draft, index) => (
          <RuleChangeEditor
            key={draft.uid}
            index={index}
            draft={draft}
            rules={rules}
            onChange={(next) => setChanges((list) => list.map((item) => (item.uid === next.uid ? next : item)))}
            onRemove={
              changes.length > 1 ? () => setChanges((list) => list.filter((item) => item.uid !== draft.uid)) : undefined
            }
          />
        ))}
        <div>
          <button
            type="button"
            onClick={() =>
              setChanges((list) => [...list, { uid: nextUid, kind: 'AMEND', ruleKey: '', fields: EMPTY_RULE }])
            }
          >
            {t('editor.addChange')}
          </button>
        </div>
      </section>

      {error && (
        <div id="editor-error">
          <ErrorBanner error={error} />
        </div>
      )}
      {signature && <p className="hint">{signature}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {mode.kind === 'create' ? t('editor.create') : t('editor.saveRevision')}
        </button>
      </div>
    </form>
  );
}
