import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleEntry } from '@pepite/rulebook-client';
import { FilingForm } from '../filing/FilingForm';
import { ChangesView } from '../rulebook/ChangesView';
import { useRulebook } from '../rulebook/rulebook-context';
import { useSeen } from '../rulebook/seen';
import { UpdateBanner } from '../rulebook/UpdateBanner';
import { useBaseline } from '../rulebook/use-baseline';
import { RuleView } from '../rule/RuleView';
import { SearchPanel } from '../search/SearchPanel';
import type { DesktopConfig } from './config';
import { Header } from './Header';
import type { Session } from './session';

/** What the right-hand panel shows. Filing keeps the release the operator was reading. */
export type PanelView =
  | { readonly kind: 'none' }
  | { readonly kind: 'rule'; readonly key: string }
  | { readonly kind: 'file'; readonly key: string; readonly revision: number; readonly version: number }
  | { readonly kind: 'changes' };

interface Props {
  readonly config: DesktopConfig;
  readonly session: Session;
  readonly onSignOut: (expired: boolean) => void;
}

export function Desktop({ config, session, onSignOut }: Props) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const seen = useSeen();
  const [view, setView] = useState<PanelView>({ kind: 'none' });
  const panel = useRef<HTMLDivElement>(null);
  useBaseline(state.snapshot, seen.baseline);

  const focusPanel = () => requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('h2')?.focus());
  const { markSeen } = seen;
  const openRule = useCallback(
    (rule: RuleEntry) => {
      markSeen(rule);
      setView({ kind: 'rule', key: rule.key });
      focusPanel();
    },
    [markSeen],
  );
  const openByKey = (key: string) => {
    const rule = state.snapshot?.rules.find((entry) => entry.key === key);
    if (rule) openRule(rule);
    else backToRule(key);
  };
  const fileFrom = (rule: RuleEntry) => {
    if (!state.snapshot) return;
    setView({ kind: 'file', key: rule.key, revision: rule.revision, version: state.snapshot.version });
    focusPanel();
  };
  const showChanges = () => {
    setView({ kind: 'changes' });
    focusPanel();
  };
  const backToRule = (key: string) => {
    setView({ kind: 'rule', key });
    focusPanel();
  };

  const version = state.snapshot?.version;
  return (
    <>
      <a className="skip-link" href="#panel">
        {t('app.skip')}
      </a>
      <Header session={session} onSignOut={onSignOut} />
      <UpdateBanner onShowChanges={showChanges} onOpenRule={openByKey} />
      <main id="main">
        <h1 className="page-title">{version ? t('app.titleVersion', { version }) : t('app.title')}</h1>
        <div className="layout">
          <SearchPanel seen={seen} activeKey={view.kind === 'rule' ? view.key : undefined} onOpen={openRule} />
          <div id="panel" ref={panel} className="panel">
            {view.kind === 'rule' && <RuleView ruleKey={view.key} mark={seen.mark} onReport={fileFrom} />}
            {view.kind === 'file' && (
              <FilingForm
                key={`${view.key}-${view.version}`}
                graphqlUrl={config.graphqlUrl}
                target={view}
                onBack={() => backToRule(view.key)}
              />
            )}
            {view.kind === 'changes' && <ChangesView onOpen={openRule} />}
            {view.kind === 'none' && <p className="card muted">{t('rule.none')}</p>}
          </div>
        </div>
      </main>
    </>
  );
}
