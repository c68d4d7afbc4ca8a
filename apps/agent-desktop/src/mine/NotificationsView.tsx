import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { readSession } from '../app/session';
import { useRulebook } from '../rulebook/rulebook-context';
import { formatDateTime } from '../ui/format';
import { markRead, type MyPepin, type OperatorNotification } from './operator-api';

interface Props {
  readonly graphqlUrl: string;
  readonly notifications: readonly OperatorNotification[];
  readonly pepins: readonly MyPepin[] | undefined;
  readonly onMarkedRead: (ids: readonly string[]) => void;
  readonly onOpenRule: (key: string) => void;
  readonly onOpenPepins: () => void;
}

/**
 * The operator's news, newest first, in the words the API wrote for them. Opening the list
 * marks what it shows read. A pépite links to the rule it changed, in the release that holds it.
 */
export function NotificationsView({ graphqlUrl, notifications, pepins, onMarkedRead, onOpenRule, onOpenPepins }: Props) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const unreadIds = notifications.filter((item) => !item.readAt).map((item) => item.id);
  const unreadKey = unreadIds.join(',');

  useEffect(() => {
    const token = readSession()?.token;
    if (!token || unreadKey === '') return;
    const ids = unreadKey.split(',');
    markRead(graphqlUrl, token, ids).then(() => onMarkedRead(ids), () => undefined);
  }, [graphqlUrl, unreadKey, onMarkedRead]);

  const pepite = (item: OperatorNotification) => {
    if (item.kind !== 'PEPIN_PUBLISHED') return undefined;
    const pepin = pepins?.find((mine) => mine.pepin.id === item.subjectId)?.pepin;
    const reference = pepin?.reference ?? (typeof item.params.reference === 'string' ? item.params.reference : null);
    const snapshot = state.snapshot;
    const release = Number(item.params.release);
    const version =
      Number.isSafeInteger(release) && release > 0
        ? release
        : reference && snapshot?.changelog.answers.includes(reference)
          ? snapshot.version
          : undefined;
    const key = pepin?.ruleKey && snapshot?.rules.some((rule) => rule.key === pepin.ruleKey) ? pepin.ruleKey : undefined;
    return { version, key };
  };

  return (
    <section className="card stack" aria-labelledby="news-title">
      <h2 id="news-title" tabIndex={-1}>
        {t('news.title')}
      </h2>
      {notifications.length === 0 && <p className="muted">{t('news.empty')}</p>}
      {/* The console is served from the same origin as the desktop: its preferences screen opens in a new tab. */}
      <p>
        <a href="/settings/notifications" target="_blank" rel="noopener">
          {t('news.preferences')}
        </a>
      </p>
      {notifications.length > 0 && (
        <ul className="change-list" aria-label={t('news.list')}>
          {notifications.map((item) => {
            const link = pepite(item);
            return (
              <li key={item.id} className="stack tight news-item">
                <p>
                  {!item.readAt && <span className="badge">{t('news.unread')}</span>} {item.text}
                </p>
                <p className="muted">{formatDateTime(item.createdAt)}</p>
                {link?.version !== undefined && <p className="success">{t('news.pepite', { version: link.version })}</p>}
                {link?.key && (
                  <div>
                    <button type="button" className="link-button" onClick={() => onOpenRule(link.key as string)}>
                      {t('news.openRule', { key: link.key })}
                    </button>
                  </div>
                )}
                {item.subjectType === 'PEPIN' && !link?.key && (
                  <div>
                    <button type="button" className="link-button" onClick={onOpenPepins}>
                      {t('news.openPepins')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
