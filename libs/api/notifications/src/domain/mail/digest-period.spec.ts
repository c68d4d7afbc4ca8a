import { latestDigestPeriod } from './digest-period';

const PARIS = 'Europe/Paris';

describe('the daily digest period: 08:00 on the site’s local calendar', () => {
  it('closes at 07:00 UTC in Paris winter and 06:00 UTC in summer', () => {
    expect(latestDigestPeriod(new Date('2027-01-10T07:00:00Z'), PARIS)).toEqual({
      localDate: '2027-01-10',
      closesAt: new Date('2027-01-10T07:00:00Z'),
    });
    expect(latestDigestPeriod(new Date('2027-07-10T06:30:00Z'), PARIS)).toEqual({
      localDate: '2027-07-10',
      closesAt: new Date('2027-07-10T06:00:00Z'),
    });
  });

  it('is still yesterday’s a minute before 08:00', () => {
    expect(latestDigestPeriod(new Date('2027-01-10T06:59:00Z'), PARIS).localDate).toBe('2027-01-09');
  });

  it('keeps 08:00 local across the spring and autumn changes (23 h and 25 h periods)', () => {
    const before = latestDigestPeriod(new Date('2027-03-27T12:00:00Z'), PARIS);
    const after = latestDigestPeriod(new Date('2027-03-28T06:00:00Z'), PARIS);
    expect(before.closesAt).toEqual(new Date('2027-03-27T07:00:00Z'));
    expect(after).toEqual({ localDate: '2027-03-28', closesAt: new Date('2027-03-28T06:00:00Z') });
    expect(latestDigestPeriod(new Date('2027-03-28T05:59:00Z'), PARIS).localDate).toBe('2027-03-27');
    const autumn = latestDigestPeriod(new Date('2027-10-31T07:00:00Z'), PARIS);
    expect(autumn).toEqual({ localDate: '2027-10-31', closesAt: new Date('2027-10-31T07:00:00Z') });
    expect(latestDigestPeriod(new Date('2027-10-31T06:59:00Z'), PARIS).localDate).toBe('2027-10-30');
  });

  it('works in zones far from Paris', () => {
    expect(latestDigestPeriod(new Date('2027-01-10T02:30:00Z'), 'Asia/Kolkata')).toEqual({
      localDate: '2027-01-10',
      closesAt: new Date('2027-01-10T02:30:00Z'),
    });
    expect(latestDigestPeriod(new Date('2027-01-10T12:00:00Z'), 'America/Montreal').localDate).toBe('2027-01-09');
  });
});
