import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth-context';
import { formatDateTime } from '../../ui/format';
import { ErrorBanner } from '../../ui/states';
import {
  TriageCompleteListeningDocument,
  TriageScheduleListeningDocument,
  TriageWriteListeningNotesDocument,
  type TriageListeningSession,
} from './detail-documents';

/** `datetime-local` wants local time without a zone: "2026-12-03T14:30". */
function localInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * One double écoute. Everyone sees who runs it, its status and outcome; only the manager the
 * operator chose (a participant) sees the details and may schedule, take notes and complete.
 */
export function ListeningSessionItem({
  session,
  onDone,
}: {
  session: TriageListeningSession;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('triage');
  const me = useCurrentUser();
  const mine = session.participant && session.manager.id === me.id;
  const statusLabel = t(`listening.statuses.${session.status}`);
  return (
    <li className="stack triage-session">
      <h3>
        {t('listening.session', { manager: session.manager.displayName })} <span className="badge">{statusLabel}</span>
      </h3>
      {session.operator && <p>{t('listening.operator', { name: session.operator.displayName })}</p>}
      {session.reason && <p>{t('listening.reason', { reason: session.reason })}</p>}
      {session.callReference && <p>{t('listening.call', { reference: session.callReference })}</p>}
      {session.scheduledAt && <p>{t('listening.scheduledAt', { date: formatDateTime(session.scheduledAt) })}</p>}
      {session.operatorNotes && <p>{t('listening.operatorNotes', { notes: session.operatorNotes })}</p>}
      {session.outcome && <p>{t('listening.outcome', { outcome: session.outcome })}</p>}
      {mine && session.status !== 'CANCELLED' && <SessionSteps session={session} onDone={onDone} />}
    </li>
  );
}

function SessionSteps({ session, onDone }: { session: TriageListeningSession; onDone: (message: string) => void }) {
  const { t } = useTranslation('triage');
  const [when, setWhen] = useState(localInputValue(session.scheduledAt));
  const [notes, setNotes] = useState(session.managerNotes ?? '');
  const [outcome, setOutcome] = useState('');
  const [schedule, scheduling] = useMutation(TriageScheduleListeningDocument);
  const [writeNotes, writing] = useMutation(TriageWriteListeningNotesDocument);
  const [complete, completing] = useMutation(TriageCompleteListeningDocument);
  const error = scheduling.error ?? writing.error ?? completing.error;
  const busy = scheduling.loading || writing.loading || completing.loading;
  const prefix = `triage-session-${session.id}`;
  // The API's steps: schedule while not done, complete once scheduled, notes until the end.
  const canSchedule = session.status === 'REQUESTED' || session.status === 'SCHEDULED';
  const canComplete = session.status === 'SCHEDULED';

  const onSchedule = async (event: FormEvent) => {
    event.preventDefault();
    const scheduledAt = new Date(when).toISOString();
    const result = await schedule({ variables: { id: session.id, scheduledAt } }).catch(() => null);
    if (result?.data) onDone(t('listening.scheduled'));
  };
  const onNotes = async (event: FormEvent) => {
    event.preventDefault();
    const result = await writeNotes({ variables: { id: session.id, notes } }).catch(() => null);
    if (result?.data) onDone(t('listening.notesSaved'));
  };
  const onComplete = async (event: FormEvent) => {
    event.preventDefault();
    const result = await complete({ variables: { id: session.id, outcome: outcome.trim() } }).catch(() => null);
    if (result?.data) onDone(t('listening.completed'));
  };

  return (
    <div className="stack">
      {canSchedule && (
        <form className="row" onSubmit={onSchedule}>
          <label htmlFor={`${prefix}-when`}>{t('listening.when')}</label>
          <input
            id={`${prefix}-when`}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            required
          />
          <button type="submit" disabled={busy || when === ''}>
            {t('listening.schedule')}
          </button>
        </form>
      )}
      <form className="stack" onSubmit={onNotes}>
        <label>
          {t('listening.notes')}
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} rows={3} />
        </label>
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('listening.saveNotes')}
          </button>
        </div>
      </form>
      {canComplete && (
        <form className="stack" onSubmit={onComplete}>
          <label>
            {t('listening.outcomeLabel')}
            <textarea value={outcome} onChange={(e) => setOutcome(e.target.value)} maxLength={2000} rows={2} required />
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={busy || outcome.trim().length < 10}>
              {t('listening.complete')}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorBanner error={error} />}
    </div>
  );
}
