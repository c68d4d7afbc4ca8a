import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcknowledgeForm } from './AcknowledgeForm';
import { DeclineForm } from './DeclineForm';
import type { TriagePepin } from './detail-documents';
import { DuplicateForm } from './DuplicateForm';

/**
 * The triage steps this pépin's status allows (the API's state machine: acknowledge from
 * NEW; decline or merge from NEW or ACKNOWLEDGED); for any other status, why there is none.
 * The outcome is announced here, since the form that did it may disappear with the status.
 */
export function TriageActions({ pepin, onChanged }: { pepin: TriagePepin; onChanged: () => void }) {
  const { t } = useTranslation('triage');
  const { t: common } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const done = (message: string) => {
    setAnnouncement(message);
    onChanged();
  };
  const triageable = pepin.status === 'NEW' || pepin.status === 'ACKNOWLEDGED';
  return (
    <section className="card stack" aria-labelledby="triage-actions">
      <h2 id="triage-actions">{t('actions.title')}</h2>
      <p role="status" className="success">
        {announcement}
      </p>
      {!triageable && <p className="muted">{t('actions.unavailable', { status: common(`status.${pepin.status}`) })}</p>}
      {pepin.status === 'NEW' && <AcknowledgeForm pepinId={pepin.id} onDone={done} />}
      {pepin.status === 'ACKNOWLEDGED' && <p className="hint">{t('actions.acknowledgeOnlyNew')}</p>}
      {triageable && <DeclineForm pepinId={pepin.id} onDone={done} />}
      {triageable && <DuplicateForm pepinId={pepin.id} onDone={done} />}
    </section>
  );
}
