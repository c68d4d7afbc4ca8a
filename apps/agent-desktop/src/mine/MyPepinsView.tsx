import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awaitsAnswer, type MyPepin } from './operator-api';
import { PepinThread } from './PepinThread';

interface Props {
  readonly graphqlUrl: string;
  readonly pepins: readonly MyPepin[] | undefined;
  /** Reloads the pépins: on opening the list (one may have been filed since) and after a reply. */
  readonly onRefresh: () => void;
}

/** The operator's pépins (filed or supported), newest first; a waiting question comes first. */
export function MyPepinsView({ graphqlUrl, pepins, onRefresh }: Props) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string>();
  useEffect(() => onRefresh(), [onRefresh]);
  const open = pepins?.find((item) => item.pepin.id === openId);
  const sorted = [...(pepins ?? [])].sort((a, b) => Number(awaitsAnswer(b)) - Number(awaitsAnswer(a)));
  return (
    <section className="card stack" aria-labelledby="mine-title">
      <h2 id="mine-title" tabIndex={-1}>
        {t('mine.title')}
      </h2>
      {!pepins && <p className="muted">{t('mine.loading')}</p>}
      {pepins?.length === 0 && <p className="muted">{t('mine.empty')}</p>}
      {sorted.length > 0 && (
        <ul className="change-list">
          {sorted.map((item) => (
            <li key={item.pepin.id} className="mine-item">
              <button
                type="button"
                className="link-button"
                aria-expanded={openId === item.pepin.id}
                onClick={() => setOpenId(openId === item.pepin.id ? undefined : item.pepin.id)}
              >
                {item.pepin.reference} — {item.pepin.title}
              </button>{' '}
              <span className="badge">{t(`pepinStatus.${item.pepin.status}`)}</span>
              {item.relation === 'SUPPORTER' && <span className="muted"> · {t('mine.supported')}</span>}
              {awaitsAnswer(item) && <span className="badge badge-urgent"> {t('mine.question')}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && <PepinThread key={open.pepin.id} graphqlUrl={graphqlUrl} item={open} onReplied={onRefresh} />}
    </section>
  );
}
