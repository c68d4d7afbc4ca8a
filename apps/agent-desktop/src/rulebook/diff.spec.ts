import { describe, expect, it } from '@jest/globals';
import type { RuleEntry, RulebookSnapshot } from '@pepite/rulebook-client';
import { changeCount, diffSnapshots } from './diff';
import { markOf } from './seen';

function rule(key: string, revision = 1, statement = 'Faire ceci.'): RuleEntry {
  return {
    key,
    category: 'Remboursements',
    revision,
    title: `Règle ${key}`,
    statement,
    rationale: 'Parce que.',
    latitude: 'Un peu.',
    escalation: 'Au superviseur.',
    customerWording: '« Bien sûr. »',
    tags: [],
    effectiveFrom: '2026-01-05',
  };
}

function snapshot(version: number, rules: RuleEntry[]): RulebookSnapshot {
  return {
    format: 'pepite-rulebook/1',
    version,
    publishedAt: '2026-12-02T10:00:00.000Z',
    notes: null,
    changelog: { added: [], amended: [], retired: [], restoredFrom: null, answers: [] },
    rules,
  };
}

describe('diffSnapshots', () => {
  it('lists rules added, amended (with their previous wording) and retired since the copy the desktop had', () => {
    const before = snapshot(3, [rule('A-1'), rule('B-1'), rule('C-1')]);
    const after = snapshot(5, [rule('A-1'), rule('B-1', 2, 'Faire cela.'), rule('D-1')]);
    const diff = diffSnapshots(before, after);
    expect(diff.from).toBe(3);
    expect(diff.to).toBe(5);
    expect(diff.added.map((r) => r.key)).toEqual(['D-1']);
    expect(diff.amended).toEqual([{ before: rule('B-1'), after: rule('B-1', 2, 'Faire cela.') }]);
    expect(diff.retired.map((r) => r.key)).toEqual(['C-1']);
    expect(changeCount(diff)).toBe(3);
  });
});

describe('markOf', () => {
  it('marks nothing before a baseline, then new and changed rules against the revision last seen', () => {
    expect(markOf(undefined, rule('A-1'))).toBeUndefined();
    const seen = { 'A-1': 1, 'B-1': 1 };
    expect(markOf(seen, rule('A-1'))).toBeUndefined();
    expect(markOf(seen, rule('B-1', 2))).toBe('changed');
    expect(markOf(seen, rule('C-1'))).toBe('new');
  });
});
