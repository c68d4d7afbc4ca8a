import { CustomerImpact } from './pepin-status';
import {
  characterCount,
  declineReasonProblem,
  filingFingerprint,
  normaliseText,
  validateFiling,
  wordCount,
  type FilePepinCommand,
  type PepinDraft,
} from './pepin-filing';

const valid: FilePepinCommand = {
  title: 'Remboursement refusé',
  description: 'Le client a reçu un colis abîmé et la règle interdit le remboursement partiel.',
};

function draftOf(command: FilePepinCommand): PepinDraft {
  const { draft } = validateFiling(command);
  if (!draft) throw new Error('expected a valid filing');
  return draft;
}

function fieldsOf(command: FilePepinCommand): string[] {
  return validateFiling(command).problems.map((problem) => `${problem.field}:${problem.reason}`);
}

describe('validateFiling', () => {
  it('normalises a valid filing and fills the defaults', () => {
    const { draft, problems } = validateFiling({
      ...valid,
      title: '  Remboursement   refusé ',
      ruleKey: ' refund-004 ',
      callReference: ' ',
    });
    expect(problems).toEqual([]);
    expect(draft).toEqual({
      title: 'Remboursement refusé',
      description: valid.description,
      customerImpact: CustomerImpact.NONE,
      ruleKey: 'REFUND-004',
      ruleVersion: null,
      noRuleApplies: false,
      callReference: null,
      signed: false,
      idempotencyKey: null,
    });
  });

  it('means "no rule covers this" when there is no rule key', () => {
    expect(validateFiling(valid).draft?.noRuleApplies).toBe(true);
    expect(validateFiling({ ...valid, noRuleApplies: true }).draft?.noRuleApplies).toBe(true);
  });

  it('counts lengths in characters, after trimming', () => {
    expect(fieldsOf({ ...valid, title: '   éèà  ' })).toEqual(['title:TOO_SHORT']);
    expect(fieldsOf({ ...valid, title: 'é'.repeat(5) })).toEqual([]);
    expect(fieldsOf({ ...valid, title: '😀'.repeat(140) })).toEqual([]);
    expect(fieldsOf({ ...valid, title: 'x'.repeat(141) })).toEqual(['title:TOO_LONG']);
    expect(fieldsOf({ ...valid, description: 'trop court' })).toEqual(['description:TOO_SHORT']);
    expect(fieldsOf({ ...valid, description: 'x'.repeat(4001) })).toEqual(['description:TOO_LONG']);
  });

  it('says what is wrong in French and in English', () => {
    const [problem] = validateFiling({ ...valid, title: 'abc' }).problems;
    expect(problem?.fr).toBe('Le titre doit faire au moins 5 caractères (3 actuellement).');
    expect(problem?.en).toBe('The title must be at least 5 characters long (3 now).');
  });

  it('refuses malformed rule keys and versions, and a version without a key', () => {
    expect(fieldsOf({ ...valid, ruleKey: 'REFUND' })).toEqual(['ruleKey:INVALID_FORMAT']);
    expect(fieldsOf({ ...valid, ruleKey: 'REFUND-004', ruleVersion: 0 })).toEqual(['ruleVersion:INVALID_FORMAT']);
    expect(fieldsOf({ ...valid, ruleVersion: 3 })).toEqual(['ruleVersion:REQUIRES_RULE_KEY']);
    expect(fieldsOf({ ...valid, ruleKey: 'REFUND-004', noRuleApplies: true })).toEqual([
      'noRuleApplies:NOT_ALLOWED_TOGETHER',
    ]);
  });

  it('checks call references and idempotency keys', () => {
    expect(fieldsOf({ ...valid, callReference: 'CALL-2026/03#12' })).toEqual([]);
    expect(fieldsOf({ ...valid, callReference: 'call 12' })).toEqual(['callReference:INVALID_FORMAT']);
    expect(fieldsOf({ ...valid, callReference: 'x'.repeat(41) })).toEqual(['callReference:TOO_LONG']);
    expect(fieldsOf({ ...valid, idempotencyKey: 'short' })).toEqual(['idempotencyKey:INVALID_FORMAT']);
    expect(fieldsOf({ ...valid, idempotencyKey: '3f6c0d8e-5b1a-4c55-9a0e-6f0b1d2c3e4f' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ title: '', description: '', ruleKey: 'x' })).toEqual([
      'title:TOO_SHORT',
      'description:TOO_SHORT',
      'ruleKey:INVALID_FORMAT',
    ]);
  });
});

describe('filingFingerprint', () => {
  const draft = draftOf({ ...valid, idempotencyKey: 'key-000001' });

  it('is the same for the same normalised content, whatever the key', () => {
    const again = draftOf({ ...valid, title: ` ${valid.title} `, idempotencyKey: 'key-000002' });
    expect(filingFingerprint(again)).toBe(filingFingerprint(draft));
  });

  it('changes with any field that matters', () => {
    for (const change of [
      { title: 'Autre titre' },
      { signed: true },
      { customerImpact: CustomerImpact.MAJOR },
      { callReference: 'C-1' },
    ]) {
      const other = draftOf({ ...valid, ...change });
      expect(filingFingerprint(other)).not.toBe(filingFingerprint(draft));
    }
  });
});

describe('declineReasonProblem', () => {
  it('accepts a real sentence', () => {
    expect(declineReasonProblem('La règle actuelle couvre déjà ce cas précis.')).toBeNull();
  });

  it.each(['Non.', 'Pas pertinent ici', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '1 2 3 4 5 6 7 8 9 10 11 12', '   '])(
    'refuses %p',
    (reason) => {
      expect(declineReasonProblem(reason)?.en).toBe(
        'Tell the reporter why, in a real sentence: at least 20 characters and 4 words.',
      );
    },
  );

  it('refuses an essay', () => {
    expect(declineReasonProblem(`${'mot '.repeat(600)}`)?.fr).toBe('La raison doit faire au plus 2000 caractères.');
  });
});

describe('text helpers', () => {
  it('counts words with letters, apostrophes and hyphens inside', () => {
    expect(wordCount("L'opérateur n’a pas pu rembourser le client-roi 3 fois")).toBe(8);
  });

  it('normalises blanks but keeps paragraphs', () => {
    expect(normaliseText('  a \t b \r\n\r\n\r\n\r\n c  ')).toBe('a b\n\nc');
  });

  it('counts code points', () => {
    expect(characterCount('😀é')).toBe(2);
  });
});
