import { PepinStatus } from './pepin-status';
import { formatWhen, questionNotice, transitionNotice } from './pepin-notices';

const pepin = { reference: 'PEP-000012', title: 'Remboursement refusé' };

describe('pépin notices', () => {
  it('speak to the reporter and to supporters differently, in both languages', () => {
    expect(transitionNotice('REPORTER', pepin, PepinStatus.ACKNOWLEDGED, null)).toEqual({
      kind: 'PEPIN_ACKNOWLEDGED',
      text: {
        fr: 'Votre pépin PEP-000012 « Remboursement refusé » a été pris en compte par les managers.',
        en: 'Your pépin PEP-000012 “Remboursement refusé” has been acknowledged by the managers.',
      },
    });
    expect(transitionNotice('SUPPORTER', pepin, PepinStatus.ACKNOWLEDGED, null).text.fr).toBe(
      'Le pépin PEP-000012 « Remboursement refusé » que vous soutenez a été pris en compte par les managers.',
    );
  });

  it('carry the decline reason and the kept pépin of a duplicate', () => {
    expect(transitionNotice('REPORTER', pepin, PepinStatus.DECLINED, 'La règle couvre déjà ce cas.').text.en).toBe(
      'Your pépin PEP-000012 “Remboursement refusé” has been declined. Reason: La règle couvre déjà ce cas.',
    );
    const kept = { reference: 'PEP-000007', title: 'Colis abîmé' };
    expect(transitionNotice('REPORTER', pepin, PepinStatus.DUPLICATE, null, kept).text.fr).toContain(
      'PEP-000007 « Colis abîmé »',
    );
  });

  it('has a notice for every status a pépin can reach', () => {
    for (const status of Object.values(PepinStatus).filter((s) => s !== PepinStatus.NEW)) {
      expect(transitionNotice('REPORTER', pepin, status, null).kind).toMatch(/^PEPIN_[A-Z_]+$/);
    }
  });

  it('tells the reporter they stay anonymous when asked a question', () => {
    expect(questionNotice(pepin).text.fr).toContain('Vous restez anonyme');
  });

  it('formats a time in the site’s zone', () => {
    const when = formatWhen(new Date('2026-03-02T13:30:00Z'), 'Europe/Paris');
    expect(when.fr).toContain('14:30');
    expect(when.en).toContain('14:30');
  });
});
