import { useTranslation } from 'react-i18next';
import { awaitsAnswer } from './operator-api';
import type { OperatorNews } from './use-operator-news';

interface Props {
  readonly news: OperatorNews;
  readonly current: 'mine' | 'news' | undefined;
  readonly onShowPepins: () => void;
  readonly onShowNews: () => void;
}

/**
 * The operator's own follow-up beside the rulebook: their pépins (with the questions waiting
 * for them) and their notifications, the last one announced as it arrives.
 */
export function OperatorNav({ news, current, onShowPepins, onShowNews }: Props) {
  const { t } = useTranslation();
  const questions = news.pepins?.filter(awaitsAnswer).length ?? 0;
  return (
    <div className="stack tight">
      <nav aria-label={t('mine.nav')} className="row operator-nav">
        <button type="button" aria-current={current === 'mine' ? 'page' : undefined} onClick={onShowPepins}>
          {questions > 0 ? t('mine.buttonQuestions', { count: questions }) : t('mine.button')}
        </button>
        <button type="button" aria-current={current === 'news' ? 'page' : undefined} onClick={onShowNews}>
          {news.unread > 0 ? t('news.buttonUnread', { count: news.unread }) : t('news.button')}
        </button>
      </nav>
      <p role="status" className={news.latest ? 'news-toast' : 'visually-hidden'}>
        {news.latest ? t('news.arrived', { text: news.latest.text }) : ''}
      </p>
    </div>
  );
}
