import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TriagePepin } from './detail-documents';
import { ListeningSessionItem } from './ListeningSessionItem';

/** The double écoutes asked on this pépin; the chosen manager runs theirs from here. */
export function ListeningSessions({ pepin, onChanged }: { pepin: TriagePepin; onChanged: () => void }) {
  const { t } = useTranslation('triage');
  const [announcement, setAnnouncement] = useState('');
  const done = (message: string) => {
    setAnnouncement(message);
    onChanged();
  };
  return (
    <section className="card stack triage-section" aria-labelledby="triage-listening">
      <h2 id="triage-listening">{t('listening.title')}</h2>
      <p className="hint">{t('listening.intro')}</p>
      {pepin.listeningSessions.length === 0 ? (
        <p className="muted">{t('listening.empty')}</p>
      ) : (
        <ul className="stack triage-sessions">
          {pepin.listeningSessions.map((session) => (
            <ListeningSessionItem key={session.id} session={session} onDone={done} />
          ))}
        </ul>
      )}
      <p role="status" className="success">
        {announcement}
      </p>
    </section>
  );
}
