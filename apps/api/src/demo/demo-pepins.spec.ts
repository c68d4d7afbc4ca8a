import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CODESIGN_PEPIN_IDS, DEMO_PEPINS, type DemoPepin } from './demo-pepins';

const YAML = readFileSync(
  join(__dirname, 'demo-rulebook.fr.yaml'),
  'utf8',
);
const RULE_KEYS = new Set([...YAML.matchAll(/^\s*-\s+key:\s*([A-Z0-9-]+)\s*$/gm)].map((match) => match[1]));

const OPERATORS = new Set(Array.from({ length: 8 }, (_, index) => `operator${index + 1}@pepite.demo`));
const MANAGERS = new Set(['manager1@pepite.demo', 'manager2@pepite.demo', 'manager3@pepite.demo']);
const byId = new Map(DEMO_PEPINS.map((pepin) => [pepin.id, pepin]));

const length = (text: string): number => [...text].length;
const words = (text: string): number => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

type State = 'NEW' | 'ACKNOWLEDGED' | 'DECLINED' | 'DUPLICATE';
function stateOf(pepin: DemoPepin): State {
  let state: State = 'NEW';
  for (const step of pepin.story ?? []) {
    if (step.kind === 'acknowledge') state = 'ACKNOWLEDGED';
    if (step.kind === 'decline') state = 'DECLINED';
    if (step.kind === 'duplicate') state = 'DUPLICATE';
  }
  return state;
}

describe('demo pépins', () => {
  it('reads the rule keys of the demo rulebook', () => {
    expect(RULE_KEYS.size).toBe(20);
    expect(RULE_KEYS.has('REFUND-001')).toBe(true);
  });

  it('has 30 to 50 pépins with unique ids', () => {
    expect(DEMO_PEPINS.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_PEPINS.length).toBeLessThanOrEqual(50);
    expect(byId.size).toBe(DEMO_PEPINS.length);
  });

  it.each(DEMO_PEPINS.map((pepin) => [pepin.id, pepin] as const))('%s is a valid filing', (_id, pepin) => {
    expect(OPERATORS.has(pepin.reporter)).toBe(true);
    expect(pepin.daysAgo).toBeGreaterThanOrEqual(0);
    expect(pepin.daysAgo).toBeLessThanOrEqual(60);
    for (const text of [pepin.title, pepin.description]) expect(text).toBe(text.trim());
    expect(length(pepin.title)).toBeGreaterThanOrEqual(5);
    expect(length(pepin.title)).toBeLessThanOrEqual(140);
    expect(length(pepin.description)).toBeGreaterThanOrEqual(150);
    expect(length(pepin.description)).toBeLessThanOrEqual(900);
    expect(['NONE', 'MINOR', 'MAJOR', 'CRITICAL']).toContain(pepin.customerImpact);
    if (pepin.noRuleApplies) expect(pepin.ruleKey).toBeUndefined();
    else expect(RULE_KEYS.has(pepin.ruleKey ?? '')).toBe(true);
    if (pepin.callReference !== undefined) {
      expect(length(pepin.callReference)).toBeLessThanOrEqual(40);
      expect(pepin.callReference).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}._:/#-]*$/u);
    }
    const supporters = pepin.supporters ?? [];
    expect(new Set(supporters).size).toBe(supporters.length);
    for (const supporter of supporters) {
      expect(OPERATORS.has(supporter)).toBe(true);
      expect(supporter).not.toBe(pepin.reporter);
    }
  });

  it.each(DEMO_PEPINS.filter((pepin) => pepin.story).map((pepin) => [pepin.id, pepin] as const))(
    '%s has a story that is ordered, in the past and legal',
    (_id, pepin) => {
      const story = pepin.story ?? [];
      let previous = 0;
      let state: State = 'NEW';
      let openQuestions = 0;
      for (const step of story) {
        expect(step.daysAfter).toBeGreaterThan(previous);
        expect(step.daysAfter).toBeLessThanOrEqual(pepin.daysAgo);
        previous = step.daysAfter;
        expect(['DECLINED', 'DUPLICATE']).not.toContain(state);
        switch (step.kind) {
          case 'acknowledge':
            expect(state).toBe('NEW');
            expect(MANAGERS.has(step.by)).toBe(true);
            if (step.message !== undefined) expect(length(step.message)).toBeLessThanOrEqual(2000);
            state = 'ACKNOWLEDGED';
            break;
          case 'decline':
            expect(MANAGERS.has(step.by)).toBe(true);
            expect(length(step.reason.trim())).toBeGreaterThanOrEqual(20);
            expect(length(step.reason)).toBeLessThanOrEqual(2000);
            expect(words(step.reason)).toBeGreaterThanOrEqual(4);
            state = 'DECLINED';
            break;
          case 'duplicate': {
            expect(MANAGERS.has(step.by)).toBe(true);
            const kept = byId.get(step.of);
            expect(kept).toBeDefined();
            if (!kept) break;
            expect(kept.id).not.toBe(pepin.id);
            expect(kept.daysAgo).toBeGreaterThan(pepin.daysAgo);
            expect(stateOf(kept)).not.toBe('DUPLICATE');
            expect(stateOf(kept)).not.toBe('DECLINED');
            // Supports move to the kept pépin: nobody there twice.
            const keptPeople = new Set([kept.reporter, ...(kept.supporters ?? [])]);
            for (const person of [pepin.reporter, ...(pepin.supporters ?? [])])
              expect(keptPeople.has(person)).toBe(false);
            state = 'DUPLICATE';
            break;
          }
          case 'question':
            expect(MANAGERS.has(step.by)).toBe(true);
            expect(length(step.body)).toBeGreaterThanOrEqual(2);
            expect(length(step.body)).toBeLessThanOrEqual(2000);
            openQuestions++;
            break;
          case 'answer':
            expect(openQuestions).toBeGreaterThan(0);
            expect(length(step.body)).toBeGreaterThanOrEqual(2);
            expect(length(step.body)).toBeLessThanOrEqual(2000);
            openQuestions--;
            break;
          case 'listening': {
            expect(MANAGERS.has(step.manager)).toBe(true);
            expect(length(step.reason)).toBeLessThanOrEqual(1000);
            for (const notes of [step.operatorNotes, step.managerNotes]) {
              if (notes !== undefined) expect(length(notes)).toBeLessThanOrEqual(4000);
            }
            if (step.scheduledInDays !== undefined) {
              expect(step.scheduledInDays).toBeGreaterThan(0);
              const sessionAt = step.daysAfter + step.scheduledInDays;
              if (step.outcome !== undefined) expect(sessionAt).toBeLessThanOrEqual(pepin.daysAgo);
              else expect(sessionAt).toBeGreaterThan(pepin.daysAgo);
            }
            if (step.outcome !== undefined) {
              expect(step.scheduledInDays).toBeDefined();
              expect(length(step.outcome)).toBeGreaterThanOrEqual(10);
              expect(length(step.outcome)).toBeLessThanOrEqual(2000);
            }
            break;
          }
        }
      }
      expect(story.filter((step) => step.kind === 'listening').length).toBeLessThanOrEqual(1);
    },
  );

  it('covers every state, overdue pépins included', () => {
    const count = (state: State) => DEMO_PEPINS.filter((pepin) => stateOf(pepin) === state).length;
    for (const state of ['NEW', 'ACKNOWLEDGED', 'DECLINED', 'DUPLICATE'] as const)
      expect(count(state)).toBeGreaterThanOrEqual(3);
    const overdue = DEMO_PEPINS.filter((pepin) => stateOf(pepin) === 'NEW' && pepin.daysAgo > 3);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(DEMO_PEPINS.some((pepin) => stateOf(pepin) === 'NEW' && pepin.daysAgo < 1)).toBe(true);
  });

  it('has a few signed, no-rule and double écoute pépins', () => {
    const signed = DEMO_PEPINS.filter((pepin) => pepin.signed).length;
    expect(signed).toBeGreaterThan(0);
    expect(signed).toBeLessThan(DEMO_PEPINS.length / 4);
    expect(DEMO_PEPINS.filter((pepin) => pepin.noRuleApplies).length).toBeGreaterThanOrEqual(2);
    const sessions = DEMO_PEPINS.flatMap((pepin) => (pepin.story ?? []).filter((step) => step.kind === 'listening'));
    expect(sessions.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the co-design candidates acknowledged', () => {
    for (const id of DEMO_CODESIGN_PEPIN_IDS) {
      const pepin = byId.get(id);
      expect(pepin && stateOf(pepin)).toBe('ACKNOWLEDGED');
    }
  });
});
