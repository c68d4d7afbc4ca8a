import { gunzipSync } from 'node:zlib';
import { canonicalJson, toSnapshot, type ReleaseHeader, type RuleEntry } from '@pepite/rulebook-format';
import type { RuleInForce } from '../domain/release-plan';
import { ReleaseAssembler } from './release-assembler';

const rule = (index: number, wording = 'texte'): RuleInForce => ({
  versionId: `v-${index}-${wording}`,
  entry: {
    key: `REGLE-${String(index).padStart(4, '0')}`,
    category: 'Remboursements',
    revision: 1,
    title: `Règle n° ${index} « ${wording} »`,
    statement: `Un remboursement au-delà de ${index} € demande l’accord du chef d’équipe. ${wording}\n`.repeat(3),
    rationale: 'Parce que.',
    latitude: '',
    escalation: 'Chef d’équipe',
    customerWording: 'Nous revenons vers vous.',
    tags: ['remboursement', `t${index % 7}`],
    effectiveFrom: '2026-01-01',
  },
});

const header = (version: number): ReleaseHeader => ({
  version,
  publishedAt: '2026-12-05T04:00:00.000Z',
  notes: 'Notes avec "guillemets" et \\"rules\\":[]',
  changelog: { added: [], amended: ['REGLE-0042'], retired: [], restoredFrom: null, answers: [] },
});

const canonical = (version: number, rules: readonly RuleInForce[]) =>
  Buffer.from(canonicalJson(toSnapshot(header(version), rules.map((r) => r.entry as RuleEntry))), 'utf8');

describe('ReleaseAssembler', () => {
  const rules = Array.from({ length: 400 }, (_, index) => rule(index));

  it('writes exactly the canonical snapshot, and a gzip body that decompresses to exactly those bytes', () => {
    const assembled = new ReleaseAssembler().assemble(header(1), [...rules].reverse());
    expect(assembled.bytes.equals(canonical(1, rules))).toBe(true);
    expect(gunzipSync(assembled.gzip).equals(assembled.bytes)).toBe(true);
  });

  it('reuses the unchanged segments after one amended, one added and one retired rule, and stays exact', () => {
    const assembler = new ReleaseAssembler();
    const first = assembler.assemble(header(1), rules);
    const next = rules.filter((r) => r.entry.key !== 'REGLE-0100').map((r) => (r.entry.key === 'REGLE-0042' ? rule(42, 'modifiée') : r));
    next.push(rule(1000));
    const second = assembler.assemble(header(2), next);
    expect(second.bytes.equals(canonical(2, next))).toBe(true);
    expect(gunzipSync(second.gzip).equals(second.bytes)).toBe(true);
    // Built cold, the same release gives the same bytes: what an instance computes does not depend on its past.
    const cold = new ReleaseAssembler().assemble(header(2), next);
    expect(cold.gzip.equals(second.gzip)).toBe(true);
    // The compressed segments far from the changes are the previous release's, byte for byte.
    const middle = Math.floor(first.gzip.length * 0.6);
    expect(second.gzip.indexOf(first.gzip.subarray(middle, middle + 2000))).toBeGreaterThan(0);
  });

  it('handles a rulebook with no rules and one with a single rule', () => {
    for (const set of [[], [rule(1)]]) {
      const assembled = new ReleaseAssembler().assemble(header(3), set);
      expect(assembled.bytes.equals(canonical(3, set))).toBe(true);
      expect(gunzipSync(assembled.gzip).equals(assembled.bytes)).toBe(true);
    }
  });
});
