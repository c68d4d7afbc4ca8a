import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RULE_KEY_PATTERN } from './rule-draft';
import {
  formatDocumentErrors,
  parseRulebookDocument,
  RULEBOOK_MAX_RULES,
  type DocumentError,
  type RulebookParseResult,
} from '.';

const demoText = readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'apps', 'api', 'src', 'demo', 'demo-rulebook.fr.yaml'), 'utf8');

/** 1-based line and column of the `occurrence`-th `needle` in `text`, moved `shift` characters right. */
function at(text: string, needle: string, occurrence = 1, shift = 0): { line: number; column: number } {
  let offset = -1;
  for (let n = 0; n < occurrence; n += 1) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" #${occurrence} not in the text`);
  }
  offset += shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function errorsOf(result: RulebookParseResult): DocumentError[] {
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors;
}

const FIELDS = {
  category: 'Remboursements',
  statement: 'Rembourser la part non livrée de la commande.',
  rationale: 'Le client ne paie que ce qu’il reçoit.',
  latitude: 'Jusqu’à 150 € sans validation.',
  escalation: 'Au-delà, transmettre au service litiges.',
  customerWording: 'Je vous rembourse la partie manquante dès maintenant.',
  tags: '[remboursement, livraison]',
  effectiveFrom: '2026-03-01',
};

/** One rule as YAML lines; `fields` replace or remove (undefined) the defaults. */
function ruleYaml(key: string, fields: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = { title: `Règle ${key}`, ...FIELDS, ...fields };
  const lines = [`  - key: ${key}`];
  for (const [name, value] of Object.entries(all)) if (value !== undefined) lines.push(`    ${name}: ${value}`);
  return lines.join('\n');
}

function rulebookYaml(...rules: string[]): string {
  return ['# Règlement de test', 'format: pepite-rulebook/1', 'notes: Essai', 'rules:', ...rules, ''].join('\n');
}

describe('parseRulebookDocument — the demo rulebook', () => {
  it('parses without error into 15 to 25 valid rules', () => {
    const result = parseRulebookDocument(demoText, 'demo-rulebook.fr.yaml');
    if (!result.ok) throw new Error(formatDocumentErrors('demo-rulebook.fr.yaml', result.errors, 'en'));
    const { document } = result;
    expect(document.format).toBe('pepite-rulebook/1');
    expect(document.notes).toBe('Règlement initial du plateau, importé au lancement de Pépite.');
    expect(document.rules.length).toBeGreaterThanOrEqual(15);
    expect(document.rules.length).toBeLessThanOrEqual(25);
    const keys = document.rules.map((rule) => rule.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of document.rules) {
      expect(rule.key).toMatch(RULE_KEY_PATTERN);
      expect(rule.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.tags.every((tag) => tag === tag.toLowerCase())).toBe(true);
    }
    const first = document.rules[0];
    expect(first.key).toBe('REFUND-001');
    expect(first.tags).toEqual(['remboursement', 'livraison', 'transporteur']);
    expect(first.effectiveFrom).toBe('2026-01-05');
    expect(first.statement.split('\n')).toHaveLength(5);
    expect(first.statement.endsWith('\n')).toBe(false);
  });

  it('reads the same rules from the JSON form of the demo', () => {
    const json = JSON.stringify(parseYaml(demoText), null, 2);
    const fromJson = parseRulebookDocument(json, 'demo.json');
    const fromYaml = parseRulebookDocument(demoText, 'demo.yaml');
    expect(fromJson.ok && fromYaml.ok).toBe(true);
    if (fromJson.ok && fromYaml.ok) expect(fromJson.document).toEqual(fromYaml.document);
  });

  it('accepts a byte order mark and a .yml or upper-case extension', () => {
    expect(parseRulebookDocument(`\uFEFF${demoText}`, 'demo.yml').ok).toBe(true);
    expect(parseRulebookDocument(demoText, 'DEMO.YAML').ok).toBe(true);
  });
});

describe('RULEBOOK-FORMAT.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'RULEBOOK-FORMAT.md'), 'utf8');
  const block = (language: string) => {
    const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(doc);
    if (!match) throw new Error(`no ${language} example in RULEBOOK-FORMAT.md`);
    return match[1];
  };

  it.each([
    ['yaml', 'example.yaml'],
    ['json', 'example.json'],
  ])('has a %s example that imports', (language, fileName) => {
    const result = parseRulebookDocument(block(language), fileName);
    if (!result.ok) throw new Error(formatDocumentErrors(fileName, result.errors, 'en'));
    expect(result.document.rules.map((rule) => rule.key)).toEqual(['REFUND-004']);
    expect(result.document.rules[0].tags).toEqual(['remboursement', 'livraison']);
  });
});

describe('parseRulebookDocument — errors in a broken YAML file', () => {
  const text = rulebookYaml(
    ruleYaml('REFUND-001', { title: undefined, titel: 'Remboursement d’une commande non livrée' }),
    ruleYaml('REFUND-002', { title: 'X', effectiveFrom: '2026-02-30' }),
    ruleYaml('REFUND-001'),
  );
  const errors = errorsOf(parseRulebookDocument(text, 'broken.yaml'));
  const find = (path: string, reason: string) => {
    const error = errors.find((e) => e.path === path && e.reason === reason);
    if (!error) throw new Error(`no ${reason} at ${path} in ${JSON.stringify(errors, null, 2)}`);
    return error;
  };

  it('reports exactly the problems of the file, in line order', () => {
    expect(errors.map((e) => [e.path, e.reason])).toEqual([
      ['rules[0].title', 'REQUIRED'],
      ['rules[0].titel', 'UNKNOWN_FIELD'],
      ['rules[1].title', 'TOO_SHORT'],
      ['rules[1].effectiveFrom', 'INVALID_DATE'],
      ['rules[2].key', 'DUPLICATE_KEY'],
    ]);
    const lines = errors.map((e) => e.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('points a misspelt field at its name, and says which field was meant', () => {
    const typo = find('rules[0].titel', 'UNKNOWN_FIELD');
    expect(typo).toMatchObject(at(text, 'titel:'));
    expect(typo.fr).toContain('« title »');
    expect(find('rules[0].title', 'REQUIRED')).toMatchObject(at(text, 'key: REFUND-001'));
  });

  it('points a too short title at its value', () => {
    const short = find('rules[1].title', 'TOO_SHORT');
    expect(short).toMatchObject(at(text, 'title: X', 1, 'title: '.length));
    expect(short.fr).toBe('Le titre doit faire au moins 3 caractères (il en fait 1).');
  });

  it('points a date that does not exist at its value', () => {
    const date = find('rules[1].effectiveFrom', 'INVALID_DATE');
    expect(date).toMatchObject(at(text, '2026-02-30'));
    expect(date.fr).toContain('février 2026 compte 28 jours');
  });

  it('points a duplicate key at the second rule and names the line of the first', () => {
    const duplicate = find('rules[2].key', 'DUPLICATE_KEY');
    const first = at(text, 'REFUND-001', 1);
    expect(duplicate).toMatchObject(at(text, 'REFUND-001', 2));
    expect(duplicate.fr).toContain(`ligne ${first.line}`);
    expect(duplicate.en).toContain(`line ${first.line}`);
  });

  it('formats compiler-style lines in either language', () => {
    const fr = formatDocumentErrors('broken.yaml', errors, 'fr').split('\n');
    const en = formatDocumentErrors('broken.yaml', errors, 'en').split('\n');
    expect(fr).toHaveLength(errors.length);
    expect(en).toHaveLength(errors.length);
    const short = at(text, 'title: X', 1, 'title: '.length);
    expect(fr).toContain(
      `broken.yaml:${short.line}:${short.column} rules[1].title — Le titre doit faire au moins 3 caractères (il en fait 1).`,
    );
    expect(en).toContain(
      `broken.yaml:${short.line}:${short.column} rules[1].title — The title must be at least 3 characters long (it has 1).`,
    );
    for (const line of [...fr, ...en]) expect(line).toMatch(/^broken\.yaml:\d+:\d+ rules\[\d\]\.\w+ — \S/);
  });
});

describe('parseRulebookDocument — YAML syntax', () => {
  it('points a tab used as indentation at its line, and reports nothing else', () => {
    const text = rulebookYaml(ruleYaml('REFUND-001').replace('    category:', '\t  category:'));
    const errors = errorsOf(parseRulebookDocument(text, 'tab.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'SYNTAX_ERROR', ...at(text, '\t') });
    expect(errors[0].fr).toContain('tabulation');
  });

  it('points a misaligned field at its line', () => {
    const text = rulebookYaml(ruleYaml('REFUND-001').replace('    rationale:', '   rationale:'));
    const errors = errorsOf(parseRulebookDocument(text, 'indent.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'SYNTAX_ERROR', line: at(text, 'rationale:').line });
    expect(errors[0].fr).toContain('Indentation incorrecte');
  });

  it('reports a field written twice in one rule at the second one', () => {
    const text = rulebookYaml(ruleYaml('REFUND-001', { title: 'Premier titre' }) + '\n    title: Second titre');
    const errors = errorsOf(parseRulebookDocument(text, 'twice.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'DUPLICATE_FIELD', path: 'rules[0].title', ...at(text, 'title:', 2) });
  });

  it('explains the French “ : ” inside an unquoted value', () => {
    const text = rulebookYaml(ruleYaml('REFUND-001', { title: 'Remboursement : cas général' }));
    const errors = errorsOf(parseRulebookDocument(text, 'colon.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'SYNTAX_ERROR', path: 'rules[0].title', line: at(text, 'title:').line });
    expect(errors[0].fr).toContain('guillemets');
  });

  it('keeps dates as text even under a YAML 1.1 directive', () => {
    const result = parseRulebookDocument(`%YAML 1.1\n---\n${rulebookYaml(ruleYaml('REFUND-001'))}`, 'old.yaml');
    expect(result.ok && result.document.rules[0].effectiveFrom).toBe('2026-03-01');
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'format: pepite-rulebook/1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'rules: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const errors = errorsOf(parseRulebookDocument(bomb, 'bomb.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toBe('SYNTAX_ERROR');
  });
});

describe('parseRulebookDocument — JSON', () => {
  const rule = {
    key: 'REFUND-001',
    category: 'Remboursements',
    title: 'Remboursement partiel',
    statement: 'Rembourser la part non livrée de la commande.',
    rationale: 'Le client ne paie que ce qu’il reçoit.',
    latitude: 'Jusqu’à 150 € sans validation.',
    escalation: 'Au-delà, transmettre au service litiges.',
    customerWording: 'Je vous rembourse la partie manquante dès maintenant.',
    tags: ['remboursement'],
    effectiveFrom: '2026-03-01',
  };
  const json = (rules: unknown[]) => JSON.stringify({ format: 'pepite-rulebook/1', notes: null, rules }, null, 2);

  it('parses a valid file', () => {
    const result = parseRulebookDocument(json([rule]), 'rulebook.json');
    expect(result.ok && result.document).toEqual({ format: 'pepite-rulebook/1', notes: null, rules: [rule] });
  });

  it('points a rule error at its line', () => {
    const text = json([rule, { ...rule, key: 'REFUND-002', title: 'X' }]);
    const errors = errorsOf(parseRulebookDocument(text, 'rulebook.json'));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'rules[1].title', reason: 'TOO_SHORT', ...at(text, '"X"') }),
    ]);
    expect(errors[0].line).toBeGreaterThan(14);
  });

  it('points a trailing comma and a comment at their place, which YAML alone would accept', () => {
    const comma = json([rule]).replace('"remboursement"\n', '"remboursement",\n');
    const commaErrors = errorsOf(parseRulebookDocument(comma, 'comma.json'));
    expect(commaErrors).toHaveLength(1);
    expect(commaErrors[0]).toMatchObject({ reason: 'SYNTAX_ERROR', ...at(comma, '"remboursement",', 1, 15) });
    expect(commaErrors[0].fr).toContain('Virgule en trop');

    const comment = json([rule]).replace('"notes": null,', '"notes": null, // brouillon');
    expect(errorsOf(parseRulebookDocument(comment, 'comment.json'))).toEqual([
      expect.objectContaining({ reason: 'SYNTAX_ERROR', ...at(comment, '//') }),
    ]);
  });

  it('points an unclosed string at its opening quote', () => {
    const text = '{\n  "format": "pepite-rulebook/1",\n  "notes": "pas fini\n}';
    expect(errorsOf(parseRulebookDocument(text, 'open.json'))).toEqual([
      expect.objectContaining({ reason: 'SYNTAX_ERROR', ...at(text, 'fini', 1, 4) }),
    ]);
  });

  it('refuses a field written twice', () => {
    const text = '{\n  "format": "pepite-rulebook/1",\n  "format": "pepite-rulebook/1",\n  "rules": []\n}';
    expect(errorsOf(parseRulebookDocument(text, 'twice.json'))).toEqual([
      expect.objectContaining({ reason: 'DUPLICATE_FIELD', path: 'format', ...at(text, '"format"', 2) }),
    ]);
  });
});

describe('parseRulebookDocument — the document around the rules', () => {
  it('reports a missing format line, and still checks the rules', () => {
    const text = ['# sans format', 'rules:', ruleYaml('REFUND-001', { title: 'X' }), ''].join('\n');
    const errors = errorsOf(parseRulebookDocument(text, 'noformat.yaml'));
    expect(errors.map((e) => [e.reason, e.line])).toEqual([
      ['FORMAT_MISSING', 2],
      ['TOO_SHORT', at(text, 'title: X').line],
    ]);
    expect(errors[0].fr).toContain('format: pepite-rulebook/1');
  });

  it('refuses another format and stops there', () => {
    const text = rulebookYaml(ruleYaml('REFUND-001', { title: 'X' })).replace('/1', '/2');
    expect(errorsOf(parseRulebookDocument(text, 'v2.yaml'))).toEqual([
      expect.objectContaining({ path: 'format', reason: 'FORMAT_UNSUPPORTED', ...at(text, 'pepite-rulebook/2') }),
    ]);
  });

  it('requires a non-empty list of rules', () => {
    const reasons = (text: string) => errorsOf(parseRulebookDocument(text, 'r.yaml')).map((e) => e.reason);
    expect(reasons('format: pepite-rulebook/1\n')).toEqual(['RULES_MISSING']);
    expect(reasons('format: pepite-rulebook/1\nrules: []\n')).toEqual(['RULES_EMPTY']);
    expect(reasons('format: pepite-rulebook/1\nrules:\n')).toEqual(['RULES_EMPTY']);
    expect(reasons('format: pepite-rulebook/1\nrules:\n  key: REFUND-001\n')).toEqual(['RULES_NOT_A_LIST']);
    expect(reasons('format: pepite-rulebook/1\nrules:\n  - 42\n')).toEqual(['NOT_AN_OBJECT']);
  });

  it(`refuses more than ${RULEBOOK_MAX_RULES} rules`, () => {
    const many = `{"format": "pepite-rulebook/1", "rules": [${Array(RULEBOOK_MAX_RULES + 1)
      .fill('{}')
      .join(',')}]}`;
    expect(errorsOf(parseRulebookDocument(many, 'many.json'))).toEqual([
      expect.objectContaining({ path: 'rules', reason: 'TOO_MANY_RULES', line: 1 }),
    ]);
  });

  it('reports unknown top-level fields and checks the notes', () => {
    const text = rulebookYaml(ruleYaml('REFUND-001')).replace('notes: Essai', 'notes: [a]\nversion: 3');
    const errors = errorsOf(parseRulebookDocument(text, 'top.yaml'));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'notes', reason: 'NOT_A_STRING', ...at(text, '[a]') }),
      expect.objectContaining({ path: 'version', reason: 'UNKNOWN_FIELD', ...at(text, 'version') }),
    ]);
    const blankNotes = parseRulebookDocument(rulebookYaml(ruleYaml('REFUND-001')).replace('Essai', '"  "'), 'n.yaml');
    expect(blankNotes.ok && blankNotes.document.notes).toBeNull();
  });

  it('refuses an empty file, a list at the top and an unknown extension', () => {
    expect(errorsOf(parseRulebookDocument('  \n# rien\n', 'empty.yaml'))).toEqual([
      expect.objectContaining({ reason: 'EMPTY_DOCUMENT', line: 1, column: 1 }),
    ]);
    expect(errorsOf(parseRulebookDocument('\n- key: REFUND-001\n', 'list.yaml'))).toEqual([
      expect.objectContaining({ reason: 'NOT_A_MAPPING', line: 2 }),
    ]);
    expect(errorsOf(parseRulebookDocument(demoText, 'demo.txt'))).toEqual([
      expect.objectContaining({ reason: 'UNSUPPORTED_FILE_TYPE', path: '' }),
    ]);
  });

  it('writes a file-level error without a path', () => {
    const errors = errorsOf(parseRulebookDocument('format: pepite-rulebook/1\n', 'r.yaml'));
    expect(formatDocumentErrors('r.yaml', errors, 'en')).toBe(`r.yaml:1:1 — ${errors[0].en}`);
  });
});
