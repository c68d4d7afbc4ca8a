import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';

export interface PublishedRelease {
  readonly version: number;
  readonly sha256: string;
  readonly publishedAt: string;
  readonly answeredPepins: readonly string[];
  /** Set when the publication is scheduled: the release returned is then the one in force until that time. */
  readonly scheduledAt: string | null;
}

/** What was published: the version, its fingerprint, the pépins now pépites. */
export function PublishResult({ release }: { release: PublishedRelease }) {
  const { t } = useTranslation('codesign');
  if (release.scheduledAt) {
    return (
      <section role="status" aria-labelledby="publish-result" className="card stack publish-result">
        <h2 id="publish-result" className="success">
          {t('publish.scheduled', { date: formatDateTime(release.scheduledAt) })}
        </h2>
        <p>{t('publish.scheduledHint', { version: release.version })}</p>
      </section>
    );
  }
  return (
    <section role="status" aria-labelledby="publish-result" className="card stack publish-result">
      <h2 id="publish-result" className="success">
        {t('publish.done', { version: release.version })}
      </h2>
      <p>{t('publish.publishedAt', { date: formatDateTime(release.publishedAt) })}</p>
      <p>
        {t('publish.sha256')} <code className="sha">{release.sha256}</code>
      </p>
      {release.answeredPepins.length > 0 && <p>{t('publish.pepites', { list: release.answeredPepins.join(', ') })}</p>}
      <p>
        <Link to="/releases">{t('publish.seeReleases')}</Link>
      </p>
    </section>
  );
}
