import { adoptionFigures, hoursToShare, share } from './adoption';

const published = new Date('2026-03-02T08:00:00Z');
const at = (hours: number) => new Date(published.getTime() + hours * 3_600_000);

describe('adoptionFigures', () => {
  it('counts operators per team and finds the time to half and to 95 %', () => {
    const rows = [
      { teamId: 'a', running: true, tookAt: at(1) },
      { teamId: 'a', running: true, tookAt: at(2) },
      { teamId: 'a', running: false, tookAt: null },
      { teamId: 'b', running: true, tookAt: at(4) },
    ];
    const figures = adoptionFigures(rows, published);
    expect(figures.active).toBe(4);
    expect(figures.running).toBe(3);
    // ⌈0.5 × 4⌉ = 2nd operator to take it: 2 h after publication.
    expect(figures.hoursTo50).toBe(2);
    // ⌈0.95 × 4⌉ = 4, but only 3 took it: not reached.
    expect(figures.hoursTo95).toBeNull();
    expect(figures.teams.get('a')).toEqual({ active: 3, running: 2 });
    expect(figures.teams.get('b')).toEqual({ active: 1, running: 1 });
  });

  it('says nothing with nobody active', () => {
    const figures = adoptionFigures([], published);
    expect(figures).toMatchObject({ active: 0, running: 0, hoursTo50: null, hoursTo95: null });
    expect(share(figures)).toBeNull();
  });

  it('never gives a negative time (a desktop that applied it from the feed at once)', () => {
    expect(hoursToShare([published.getTime() - 1000], 1, published, 0.5)).toBe(0);
  });
});
