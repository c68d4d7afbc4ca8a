import { LEGACY_KIND, NOTIFICATION_KINDS, renderNotification, type Renderable } from './render-notification';
import type { Reader } from './rendering-kit';

const PROPOSAL = '3f0b8a52-6a55-4c1e-9a43-0d3c2a8f1b7e';
const fr: Reader = { locale: 'fr', role: 'MANAGER', timeZone: 'Europe/Paris' };
const en: Reader = { locale: 'en', role: 'OPERATOR', timeZone: 'Europe/Paris' };
const pepin = { reference: 'PEP-000012', title: 'Remboursement refusé' };

function about(kind: string, params: Record<string, unknown>, subjectType = 'PEPIN'): Renderable {
  return { kind, subjectType, subjectId: PROPOSAL, params };
}

const FRENCH_WORDS = /\b(votre|vous|Vote clos|Un vote est ouvert|rapporteur|Propositions|proposition|règlement)\b/i;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('renderNotification', () => {
  it('words a vote in the reader’s language, the closing time for people in the site’s zone', () => {
    const vote = about('VOTE_OPENED', { reference: 'PRO-000003', title: 'Rappel', closesAt: '2026-03-02T13:30:00.000Z' }, 'PROPOSAL');
    const english = renderNotification(vote, en);
    expect(english.body).toBe('A vote is open on proposal PRO-000003 “Rappel” until Monday, 2 March 2026 at 14:30.');
    expect(english.title).toBe('Vote opened');
    expect(english.link).toBe(`/proposals/${PROPOSAL}/vote`);
    expect(renderNotification(vote, fr).body).toBe(
      'Un vote est ouvert sur la proposition PRO-000003 « Rappel » jusqu’au lundi 2 mars 2026 à 14:30.',
    );
    expect(renderNotification(vote, { ...en, timeZone: 'America/Martinique' }).body).toContain('09:30');
  });

  it('tells a supporter about "the pépin you support", the reporter about "your pépin"', () => {
    const params = { ...pepin, audience: 'SUPPORTER', release: 3, proposals: ['PRO-000002', 'PRO-000004'] };
    expect(renderNotification(about('PEPIN_PUBLISHED', params), fr).body).toBe(
      'Le pépin PEP-000012 « Remboursement refusé » que vous soutenez est devenu une pépite : ' +
        'la nouvelle règle est publiée dans la version 3 du règlement (PRO-000002 et PRO-000004).',
    );
    expect(renderNotification(about('PEPIN_PUBLISHED', { ...params, audience: 'REPORTER' }), en).body).toBe(
      'Your pépin PEP-000012 “Remboursement refusé” has become a pépite: ' +
        'the new rule is published in rulebook release 3 (PRO-000002 and PRO-000004).',
    );
  });

  it('links a pépin to "my pépins" for an operator and to triage for a manager', () => {
    expect(renderNotification(about('PEPIN_ANSWER', pepin), fr).link).toBe(`/triage/${PROPOSAL}`);
    expect(renderNotification(about('PEPIN_QUESTION', pepin), en).link).toBe(`/my-pepins/${PROPOSAL}`);
  });

  it('words the outcome of a vote, its counts and reasons', () => {
    const closed = about(
      'VOTE_CLOSED',
      { reference: 'PRO-000003', title: 'Rappel', outcome: 'REJECTED', approve: 1, reject: 2, abstain: 0, reasons: ['Trop long'] },
      'PROPOSAL',
    );
    expect(renderNotification(closed, en).body).toBe(
      'Vote closed: proposal PRO-000003 “Rappel” is rejected and sent back to design (approve 1, reject 2, abstain 0). Reasons: Trop long',
    );
  });

  it('has English words without French ones, and no ISO date, for every kind', () => {
    const params = {
      ...pepin,
      title: 'Rappel',
      audience: 'SUPPORTER',
      closesAt: '2026-03-02T13:30:00.000Z',
      scheduledAt: '2026-03-02T13:30:00.000Z',
      outcome: 'NO_QUORUM',
      proposalReference: 'PRO-000001',
      release: 2,
      revision: 2,
      hoursLate: 5,
      managerName: 'Claire',
      operatorName: 'Léa',
      byName: 'Claire',
      inviterName: 'Claire',
    };
    for (const kind of NOTIFICATION_KINDS) {
      const rendered = renderNotification(about(kind, params), en);
      expect({ kind, body: rendered.body, french: FRENCH_WORDS.test(rendered.body) || FRENCH_WORDS.test(rendered.title) }).toEqual({
        kind,
        body: rendered.body,
        french: false,
      });
      expect(rendered.body).not.toMatch(ISO);
      expect(renderNotification(about(kind, params), fr).body).not.toMatch(ISO);
    }
  });

  it('reads notifications stored before kinds from the sentences the migration kept', () => {
    const legacy = about(LEGACY_KIND, { legacyKind: 'PEPIN_ACKNOWLEDGED', text: { fr: 'Ancien texte', en: 'Old text' } });
    expect(renderNotification(legacy, en).body).toBe('Old text');
    expect(renderNotification(legacy, fr).body).toBe('Ancien texte');
    expect(renderNotification(about('SOMETHING_NEWER', {}), en)).toMatchObject({ title: 'Notification' });
  });
});
