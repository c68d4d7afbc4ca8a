import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleEntry } from '@pepite/rulebook-client';
import { FilingForm, type FilingTarget } from '../filing/FilingForm';
import { MyPepinsView } from '../mine/MyPepinsView';
import { NotificationsView } from '../mine/NotificationsView';
import { OperatorNav } from '../mine/OperatorNav';
import { useOperatorNews } from '../mine/use-operator-news';
import { ChangesView } from '../rulebook/ChangesView';
import { useRulebook } from '../rulebook/rulebook-context';
import { useSeen } from '../rulebook/seen';
import { UpdateBanner } from '../rulebook/UpdateBanner';
import { MandatoryReadingPanel } from '../reading/MandatoryReadingPanel';
import { useMandatoryReadings } from '../reading/use-mandatory-readings';
import { useBaseline } from '../rulebook/use-baseline';
import { REPORT_BUTTON_ID, RuleView } from '../rule/RuleView';
import { SEARCH_INPUT_ID, SearchPanel } from '../search/SearchPanel';
import type { DesktopConfig } from './config';
import { Header } from './Header';
import type { Session } from './session';

/** What the right-hand panel shows. Filing keeps the release the operator was reading. */
export type PanelView =
  | { readonly kind: 'none' }
  | { readonly kind: 'rule'; readonly key: string }
  | { readonly kind: 'file'; readonly target: FilingTarget }
  | { readonly kind: 'changes' }
  | { readonly kind: 'mine' }
  | { readonly kind: 'news' };

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
  const news = useOperatorNews(config.graphqlUrl, session.token);
  const mandatory = useMandatoryReadings(config.graphqlUrl, session.token, state.snapshot?.version, state.advisories.length);

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
  // The form puts focus in its first field itself; closing it puts focus back on its opener.
  const fileFrom = (rule: RuleEntry) => {
    if (!state.snapshot) return;
    setView({
      kind: 'file',
      target: { kind: 'rule', key: rule.key, revision: rule.revision, version: state.snapshot.version },
    });
  };
  const reportUncovered = (query: string) => {
    if (!state.snapshot) return;
    setView({ kind: 'file', target: { kind: 'none', query, version: state.snapshot.version } });
  };
  const closeFiling = (target: FilingTarget) => {
    setView(target.kind === 'rule' ? { kind: 'rule', key: target.key } : { kind: 'none' });
    const opener = target.kind === 'rule' ? REPORT_BUTTON_ID : SEARCH_INPUT_ID;
    requestAnimationFrame(() => document.getElementById(opener)?.focus());
  };
  const showChanges = () => {
    setView({ kind: 'changes' });
    focusPanel();
  };
  const show = (kind: 'mine' | 'news') => {
    setView({ kind });
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
        {/* First on the page: mandatory changes come before anything else until acknowledged. */}
        <MandatoryReadingPanel {...mandatory} />
        <OperatorNav
          news={news}
          current={view.kind === 'mine' || view.kind === 'news' ? view.kind : undefined}
          onShowPepins={() => show('mine')}
          onShowNews={() => show('news')}
        />
        <div className="layout">
          <SearchPanel
            seen={seen}
            activeKey={view.kind === 'rule' ? view.key : undefined}
            onOpen={openRule}
            onReportUncovered={reportUncovered}
          />
          <div id="panel" ref={panel} className="panel">
            {view.kind === 'rule' && <RuleView ruleKey={view.key} mark={seen.mark} onReport={fileFrom} />}
            {view.kind === 'file' && (
              <FilingForm
                key={view.target.kind === 'rule' ? `${view.target.key}-${view.target.version}` : view.target.query}
                graphqlUrl={config.graphqlUrl}
                target={view.target}
                onClose={() => closeFiling(view.target)}
                onBack={() => (view.target.kind === 'rule' ? backToRule(view.target.key) : closeFiling(view.target))}
              />
            )}
            {view.kind === 'changes' && <ChangesView onOpen={openRule} />}
            {view.kind === 'mine' && (
              <MyPepinsView graphqlUrl={config.graphqlUrl} pepins={news.pepins} onRefresh={news.reload} />
            )}
            {view.kind === 'news' && (
              <NotificationsView
                graphqlUrl={config.graphqlUrl}
                notifications={news.notifications}
                pepins={news.pepins}
                onMarkedRead={news.markedRead}
                onOpenRule={openByKey}
                onOpenPepins={() => show('mine')}
              />
            )}
            {view.kind === 'none' && <p className="card muted">{t('rule.none')}</p>}
          </div>
        </div>
      </main>
    </>
  );
}
