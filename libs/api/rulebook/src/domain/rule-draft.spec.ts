import { RULE_KEY_PATTERN, RULE_LIMITS, validateRuleDraft, type RuleProblem } from '.';

const valid = {
  key: 'REFUND-004',
  category: 'Remboursements',
  title: 'Remboursement partiel',
  statement: 'Rembourser la part non livrée de la commande.',
  rationale: 'Le client ne paie que ce qu’il reçoit.',
  latitude: 'Jusqu’à 150 € sans validation.',
  escalation: 'Au-delà, transmettre au service litiges.',
  customerWording: '« Je vous rembourse la partie manquante dès maintenant. »',
  tags: ['remboursement', 'livraison'],
  effectiveFrom: '2026-03-01',
};

function problemsOf(input: unknown): RuleProblem[] {
  return validateRuleDraft(input).problems;
}

function only(input: unknown): RuleProblem {
  const problems = problemsOf(input);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('RULE_KEY_PATTERN', () => {
  it.each(['REFUND-004', 'GDPR-001', 'DELIVERY-DELAY-002', 'B2B-1', 'A-1'])('accepts %s', (key) => {
    expect(RULE_KEY_PATTERN.test(key)).toBe(true);
  });

  it.each([
    'refund-004',
    'REFUND',
    'REFUND-',
    '-001',
    'REFUND--001',
    'REFUND-00A',
    'REFUND 004',
    'REFUND_004',
    'RÉSILIATION-001',
  ])('rejects %s', (key) => {
    expect(RULE_KEY_PATTERN.test(key)).toBe(false);
  });
});

describe('validateRuleDraft', () => {
  it('accepts a complete rule and normalises it', () => {
    const { draft, problems } = validateRuleDraft({
      ...valid,
      key: '  REFUND-004 ',
      title: '  Remboursement partiel\t',
      statement: 'Ligne 1\r\nLigne 2\r\n',
      tags: [' Remboursement', 'LIVRAISON', 'remboursement', 'Échange ', 'échange'],
    });
    expect(problems).toEqual([]);
    expect(draft).toEqual({
      ...valid,
      statement: 'Ligne 1\nLigne 2',
      tags: ['remboursement', 'livraison', 'échange'],
    });
  });

  it('treats missing or null tags as no tag', () => {
    const { tags: _tags, ...withoutTags } = valid;
    expect(validateRuleDraft(withoutTags).draft?.tags).toEqual([]);
    expect(validateRuleDraft({ ...valid, tags: null }).draft?.tags).toEqual([]);
  });

  it('says in French and English how long a too short title is', () => {
    const problem = only({ ...valid, title: ' X ' });
    expect(problem).toMatchObject({ field: 'title', reason: 'TOO_SHORT' });
    expect(problem.fr).toBe('Le titre doit faire au moins 3 caractères (il en fait 1).');
    expect(problem.en).toBe('The title must be at least 3 characters long (it has 1).');
  });

  it('uses the right pronoun for a feminine field and counts characters, not UTF-16 units', () => {
    const problem = only({ ...valid, category: 'R' });
    expect(problem.fr).toBe('La catégorie doit faire au moins 2 caractères (elle en fait 1).');
    expect(problemsOf({ ...valid, title: '😀🎉✨' })).toEqual([]);
    expect(problemsOf({ ...valid, title: 'é'.repeat(RULE_LIMITS.title.max) })).toEqual([]);
  });

  it('rejects texts over their maximum', () => {
    const tooLong = only({ ...valid, customerWording: 'x'.repeat(RULE_LIMITS.customerWording.max + 1) });
    expect(tooLong).toMatchObject({ field: 'customerWording', reason: 'TOO_LONG' });
    expect(tooLong.fr).toMatch(/au plus 2\s000 caractères/);
    expect(tooLong.fr).toMatch(/en fait 2\s001\)/);
    expect(only({ ...valid, statement: 'x'.repeat(4001) })).toMatchObject({ field: 'statement', reason: 'TOO_LONG' });
    expect(only({ ...valid, title: 'x'.repeat(161) })).toMatchObject({ field: 'title', reason: 'TOO_LONG' });
    expect(only({ ...valid, category: 'x'.repeat(81) })).toMatchObject({ field: 'category', reason: 'TOO_LONG' });
    expect(problemsOf({ ...valid, statement: 'x'.repeat(4000), category: 'x'.repeat(80) })).toEqual([]);
  });

  it('requires every text field, distinguishing an absent field from an empty one', () => {
    const { rationale: _rationale, ...withoutRationale } = valid;
    const absent = only(withoutRationale);
    expect(absent).toMatchObject({ field: 'rationale', reason: 'REQUIRED' });
    expect(absent.fr).toContain('ajoutez le champ « rationale »');
    const blank = only({ ...valid, rationale: '   \n ' });
    expect(blank).toMatchObject({ field: 'rationale', reason: 'REQUIRED' });
    expect(blank.fr).toContain('est vide');
    expect(only({ ...valid, latitude: null })).toMatchObject({ field: 'latitude', reason: 'REQUIRED' });

    const fields = problemsOf({}).map((problem) => problem.field);
    expect(fields).toEqual([
      'key',
      'category',
      'title',
      'statement',
      'rationale',
      'latitude',
      'escalation',
      'customerWording',
      'effectiveFrom',
    ]);
  });

  it('refuses values that are not text', () => {
    const problem = only({ ...valid, title: 2026 });
    expect(problem).toMatchObject({ field: 'title', reason: 'NOT_A_STRING' });
    expect(problem.fr).toBe('Le titre doit être du texte, pas un nombre.');
    expect(only({ ...valid, escalation: ['a'] }).reason).toBe('NOT_A_STRING');
    expect(only({ ...valid, effectiveFrom: 20260301 }).fr).toContain('AAAA-MM-JJ');
  });

  it('checks the key form and suggests the fix when it is only a matter of case', () => {
    const lower = only({ ...valid, key: 'refund-004' });
    expect(lower).toMatchObject({ field: 'key', reason: 'INVALID_KEY' });
    expect(lower.fr).toContain('Écrivez plutôt « REFUND-004 »');
    expect(lower.en).toContain('Write “REFUND-004” instead');
    const noNumber = only({ ...valid, key: 'REFUND-ABC' });
    expect(noNumber.reason).toBe('INVALID_KEY');
    expect(noNumber.fr).not.toContain('Écrivez plutôt');
    const long = `${'A'.repeat(37)}-001`;
    expect(long).toMatch(RULE_KEY_PATTERN);
    expect(only({ ...valid, key: long })).toMatchObject({ field: 'key', reason: 'TOO_LONG' });
  });

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts the calendar date %s', (date) => {
    expect(problemsOf({ ...valid, effectiveFrom: date })).toEqual([]);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '05/01/2026',
    '2026-01-05T10:00',
  ])('rejects %s as a date', (date) => {
    expect(only({ ...valid, effectiveFrom: date })).toMatchObject({ field: 'effectiveFrom', reason: 'INVALID_DATE' });
  });

  it('explains why a date does not exist', () => {
    const problem = only({ ...valid, effectiveFrom: '2026-02-30' });
    expect(problem.fr).toContain('février 2026 compte 28 jours');
    expect(problem.en).toContain('February 2026 has 28 days');
  });

  it('checks tags one by one and counts them after deduplication', () => {
    expect(only({ ...valid, tags: 'remboursement, livraison' })).toMatchObject({ field: 'tags', reason: 'NOT_A_LIST' });
    expect(only({ ...valid, tags: ['ok', '  '] })).toMatchObject({ field: 'tags[1]', reason: 'TOO_SHORT' });
    expect(only({ ...valid, tags: ['ok', 'x'.repeat(41)] })).toMatchObject({ field: 'tags[1]', reason: 'TOO_LONG' });
    expect(only({ ...valid, tags: ['ok', 12] })).toMatchObject({ field: 'tags[1]', reason: 'NOT_A_STRING' });

    const twelve = Array.from({ length: 12 }, (_, i) => `tag-${i}`);
    expect(validateRuleDraft({ ...valid, tags: [...twelve, 'TAG-0', ' tag-1 '] }).draft?.tags).toEqual(twelve);
    const tooMany = only({ ...valid, tags: [...twelve, 'tag-12'] });
    expect(tooMany).toMatchObject({ field: 'tags', reason: 'TOO_MANY' });
    expect(tooMany.fr).toBe('Une règle porte au plus 12 étiquettes (celle-ci en a 13).');
  });

  it('reports unknown fields, with the field probably meant', () => {
    const typo = only({ ...valid, titel: 'Autre titre' });
    expect(typo).toMatchObject({ field: 'titel', reason: 'UNKNOWN_FIELD' });
    expect(typo.fr).toBe('Champ inconnu « titel » : vouliez-vous écrire « title » ?');
    expect(only({ ...valid, effective_from: '2026-01-01' }).en).toContain('did you mean “effectiveFrom”?');
    expect(only({ ...valid, customerwording: 'Bonjour à vous' }).en).toContain('did you mean “customerWording”?');
    const unrelated = only({ ...valid, priority: 'haute' });
    expect(unrelated.fr).toContain('les champs possibles sont key, category, title');
  });

  it('refuses what is not a set of fields', () => {
    for (const input of [null, undefined, 42, 'REFUND-004', [valid]]) {
      const result = validateRuleDraft(input);
      expect(result.draft).toBeUndefined();
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ field: '', reason: 'NOT_AN_OBJECT' });
    }
  });

  it('gives no draft as soon as there is a problem, and reports all of them', () => {
    const result = validateRuleDraft({ ...valid, key: 'x', title: 'X', effectiveFrom: '2026-02-30', colour: 'red' });
    expect(result.draft).toBeUndefined();
    expect(result.problems.map((p) => [p.field, p.reason])).toEqual([
      ['key', 'INVALID_KEY'],
      ['title', 'TOO_SHORT'],
      ['effectiveFrom', 'INVALID_DATE'],
      ['colour', 'UNKNOWN_FIELD'],
    ]);
    for (const problem of result.problems) {
      expect(problem.fr.length).toBeGreaterThan(10);
      expect(problem.en.length).toBeGreaterThan(10);
      expect(problem.fr).not.toBe(problem.en);
    }
  });
});
