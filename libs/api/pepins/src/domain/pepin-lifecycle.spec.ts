import { ALL_PEPIN_STATUSES, PepinStatus } from './pepin-status';
import { canTransition, isFinal, PEPIN_TRANSITIONS, PepinEventKind, transitionEventKind } from './pepin-lifecycle';

const { NEW, ACKNOWLEDGED, IN_DESIGN, IN_VOTE, PUBLISHED, DECLINED, DUPLICATE } = PepinStatus;

const LEGAL: [PepinStatus, PepinStatus, PepinEventKind][] = [
  [NEW, ACKNOWLEDGED, PepinEventKind.ACKNOWLEDGED],
  [NEW, DECLINED, PepinEventKind.DECLINED],
  [NEW, DUPLICATE, PepinEventKind.MARKED_DUPLICATE],
  [ACKNOWLEDGED, DECLINED, PepinEventKind.DECLINED],
  [ACKNOWLEDGED, DUPLICATE, PepinEventKind.MARKED_DUPLICATE],
  [ACKNOWLEDGED, IN_DESIGN, PepinEventKind.DESIGN_STARTED],
  [IN_DESIGN, IN_VOTE, PepinEventKind.VOTE_OPENED],
  [IN_VOTE, PUBLISHED, PepinEventKind.PUBLISHED],
  [IN_VOTE, IN_DESIGN, PepinEventKind.RETURNED_TO_DESIGN],
];

describe('the pépin lifecycle', () => {
  it.each(LEGAL)('allows %s → %s (history: %s)', (from, to, kind) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionEventKind(from, to)).toBe(kind);
  });

  it('allows nothing else: every other pair of statuses is illegal', () => {
    const legal = new Set(LEGAL.map(([from, to]) => `${from}>${to}`));
    for (const from of ALL_PEPIN_STATUSES) {
      for (const to of ALL_PEPIN_STATUSES) {
        expect([`${from}>${to}`, canTransition(from, to)]).toEqual([`${from}>${to}`, legal.has(`${from}>${to}`)]);
      }
    }
  });

  it('never stays in place and never goes back to NEW', () => {
    for (const status of ALL_PEPIN_STATUSES) {
      expect(canTransition(status, status)).toBe(false);
      expect(canTransition(status, NEW)).toBe(false);
    }
  });

  it('has three final statuses', () => {
    expect(ALL_PEPIN_STATUSES.filter(isFinal).sort()).toEqual([DECLINED, DUPLICATE, PUBLISHED].sort());
  });

  it('refuses to name the history line of an illegal step', () => {
    expect(() => transitionEventKind(DECLINED, ACKNOWLEDGED)).toThrow('no transition from DECLINED to ACKNOWLEDGED');
  });

  it('lists a transition table entry for every status', () => {
    expect(Object.keys(PEPIN_TRANSITIONS).sort()).toEqual([...ALL_PEPIN_STATUSES].sort());
  });
});
