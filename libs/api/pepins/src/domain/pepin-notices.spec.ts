import { PepinStatus } from './pepin-status';
import { listeningScheduledNotice, questionNotice, transitionNotice } from './pepin-notices';

const pepin = { reference: 'PEP-000012', title: 'Remboursement refusé' };

describe('pépin notices', () => {
  it('say whom they speak to, so that a supporter is not told about "your pépin"', () => {
    expect(transitionNotice('REPORTER', pepin, PepinStatus.ACKNOWLEDGED, null)).toEqual({
      kind: 'PEPIN_ACKNOWLEDGED',
      params: { reference: 'PEP-000012', title: 'Remboursement refusé', audience: 'REPORTER' },
    });
    expect(transitionNotice('SUPPORTER', pepin, PepinStatus.ACKNOWLEDGED, null).params['audience']).toBe('SUPPORTER');
  });

  it('carry the decline reason and the kept pépin of a duplicate', () => {
    expect(
      transitionNotice('REPORTER', pepin, PepinStatus.DECLINED, 'La règle couvre déjà ce cas.').params,
    ).toMatchObject({
      message: 'La règle couvre déjà ce cas.',
    });
    const kept = { reference: 'PEP-000007', title: 'Colis abîmé' };
    expect(transitionNotice('REPORTER', pepin, PepinStatus.DUPLICATE, null, kept).params).toMatchObject({
      keptReference: 'PEP-000007',
      keptTitle: 'Colis abîmé',
    });
  });

  it('has a kind for every status a pépin can reach', () => {
    for (const status of Object.values(PepinStatus).filter((s) => s !== PepinStatus.NEW)) {
      expect(transitionNotice('REPORTER', pepin, status, null).kind).toMatch(/^PEPIN_[A-Z_]+$/);
    }
  });

  it('keep dates as instants, for each reader to read in their zone', () => {
    expect(questionNotice(pepin).kind).toBe('PEPIN_QUESTION');
    const scheduled = listeningScheduledNotice(pepin, 'Claire', new Date('2026-03-02T13:30:00Z'));
    expect(scheduled.params['scheduledAt']).toBe('2026-03-02T13:30:00.000Z');
  });
});
