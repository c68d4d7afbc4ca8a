import { auditDraft, isAuditAction, normaliseSubjectId, summaryIn, type AuditRecord } from './audit-entry';

const MANAGER = '0b5c1c1e-7a4e-4d8e-9f3a-2b6c4d8e0f1a';
const OPERATOR = '6d1f7c2a-93b4-4e0a-8c5d-1f2e3a4b5c6d';
const PROPOSAL = '3F0B8A52-6A55-4C1E-9A43-0D3C2A8F1B7E';
const valid: AuditRecord = {
  actorRole: 'MANAGER',
  actorId: MANAGER,
  action: 'PROPOSAL_CREATED',
  subjectType: 'PROPOSAL',
  subjectId: PROPOSAL,
  summary: { fr: 'Proposition « Remboursements » créée.', en: 'Proposal “Refunds” created.' },
  details: { title: 'Remboursements', pepinIds: ['a', 'b'], nested: { ok: null }, count: 2 },
};

describe('auditDraft', () => {
  it('keeps a manager’s entry, with the subject UUID in lower case and the request id left to the module', () => {
    expect(auditDraft(valid)).toEqual({
      actorRole: 'MANAGER',
      actorId: MANAGER,
      action: 'PROPOSAL_CREATED',
      subjectType: 'PROPOSAL',
      subjectId: PROPOSAL.toLowerCase(),
      summary: valid.summary,
      details: valid.details,
      requestId: undefined,
      anonymous: false,
    });
  });

  it('keeps a subject id that is not a UUID as it is, and an explicit request id', () => {
    const draft = auditDraft({ ...valid, subjectType: 'RELEASE', subjectId: '12', requestId: 'req-1.a:b' });
    expect(draft).toMatchObject({ subjectId: '12', requestId: 'req-1.a:b' });
    expect(auditDraft({ ...valid, subjectType: 'RULE', subjectId: 'REFUND-004' }).subjectId).toBe('REFUND-004');
  });

  it('defaults the details to {}', () => {
    expect(auditDraft({ ...valid, details: undefined }).details).toEqual({});
  });

  it('names a signed operator', () => {
    const draft = auditDraft({ ...valid, actorRole: 'OPERATOR', actorId: OPERATOR.toUpperCase(), signed: true });
    expect(draft).toMatchObject({ actorRole: 'OPERATOR', actorId: OPERATOR, anonymous: false, requestId: undefined });
  });

  it.each<[string, Partial<AuditRecord>]>([
    ['signed: false', { signed: false }],
    ['signed omitted', {}],
  ])('keeps no trace of an operator who did not sign (%s): no actor id, no request id', (_name, change) => {
    const draft = auditDraft({ ...valid, actorRole: 'OPERATOR', actorId: OPERATOR, requestId: 'req-42', ...change });
    expect(draft).toMatchObject({ actorRole: 'OPERATOR', actorId: null, requestId: null, anonymous: true });
  });

  it('accepts an anonymous operator entry given without an id at all', () => {
    expect(auditDraft({ ...valid, actorRole: 'OPERATOR', actorId: undefined })).toMatchObject({
      actorId: null,
      anonymous: true,
    });
  });

  it('ignores signed for managers and admins, who always act under their name', () => {
    expect(auditDraft({ ...valid, signed: false }).actorId).toBe(MANAGER);
    expect(auditDraft({ ...valid, actorRole: 'ADMIN', signed: false }).actorId).toBe(MANAGER);
  });

  it('records the system without an actor', () => {
    expect(auditDraft({ ...valid, actorRole: 'SYSTEM', actorId: null })).toMatchObject({
      actorRole: 'SYSTEM',
      actorId: null,
      anonymous: false,
    });
  });

  it.each<[string, Partial<AuditRecord>]>([
    ['an unknown role', { actorRole: 'REPORTER' as AuditRecord['actorRole'] }],
    ['an actor id that is not a UUID', { actorId: 'bob' }],
    ['a manager without an id', { actorId: null }],
    ['an admin without an id', { actorRole: 'ADMIN', actorId: undefined }],
    ['a system entry with an id', { actorRole: 'SYSTEM' }],
    ['a signed operator without an id', { actorRole: 'OPERATOR', actorId: null, signed: true }],
    ['an action that is not SCREAMING_SNAKE_CASE', { action: 'proposalCreated' }],
    ['an action with a double underscore', { action: 'PROPOSAL__CREATED' }],
    ['an action ending with an underscore', { action: 'PROPOSAL_' }],
    ['an action longer than 80', { action: 'A'.repeat(81) }],
    ['a subject type with a space', { subjectType: 'PRO POSAL' }],
    ['a subject type longer than 40', { subjectType: 'P'.repeat(41) }],
    ['an empty subject id', { subjectId: '' }],
    ['a subject id with surrounding spaces', { subjectId: ' 12' }],
    ['a subject id with a control character', { subjectId: '12\n' }],
    ['a subject id longer than 80', { subjectId: 'x'.repeat(81) }],
    ['a blank French summary', { summary: { fr: '  ', en: 'Created' } }],
    ['a blank English summary', { summary: { fr: 'Créée', en: '' } }],
    ['details that are not a plain object', { details: new Map() as unknown as Record<string, unknown> }],
    ['details that are an array', { details: [] as unknown as Record<string, unknown> }],
    ['details holding a date', { details: { at: new Date() } }],
    ['details holding undefined', { details: { at: undefined } }],
    ['details holding Infinity', { details: { n: Number.POSITIVE_INFINITY } }],
    ['details too large', { details: { text: 'x'.repeat(70_000) } }],
    ['a request id with a space', { requestId: 'req 1' }],
    ['a request id longer than 80', { requestId: 'r'.repeat(81) }],
  ])('refuses %s', (_name, change) => {
    expect(() => auditDraft({ ...valid, ...change })).toThrow(/^audit: /);
  });

  it.each<[string, Partial<AuditRecord>]>([
    ['the subject id', { subjectType: 'USER', subjectId: OPERATOR }],
    ['the French summary', { summary: { fr: `Soutien de ${OPERATOR}`, en: 'Support' } }],
    ['the English summary', { summary: { fr: 'Soutien', en: `Support by ${OPERATOR.toUpperCase()}` } }],
    ['the details', { details: { by: { id: OPERATOR } } }],
  ])('refuses an unsigned operator whose id appears in %s', (_name, change) => {
    expect(() => auditDraft({ ...valid, actorRole: 'OPERATOR', actorId: OPERATOR, ...change })).toThrow(
      /must not be named/,
    );
  });

  it('lets a signed operator appear in the details', () => {
    const draft = auditDraft({
      ...valid,
      actorRole: 'OPERATOR',
      actorId: OPERATOR,
      signed: true,
      details: { by: OPERATOR },
    });
    expect(draft.details).toEqual({ by: OPERATOR });
  });
});

describe('isAuditAction', () => {
  it.each(['VOTE_CAST', 'RELEASE_PUBLISHED', 'A', 'V2_OPENED'])('accepts %s', (action) => {
    expect(isAuditAction(action)).toBe(true);
  });
  it.each(['', 'vote_cast', '_VOTE', 'VOTE-CAST', '2FA_ENABLED'])('refuses %j', (action) => {
    expect(isAuditAction(action)).toBe(false);
  });
});

describe('normaliseSubjectId and summaryIn', () => {
  it('lowers UUIDs only', () => {
    expect(normaliseSubjectId(PROPOSAL)).toBe(PROPOSAL.toLowerCase());
    expect(normaliseSubjectId('REFUND-004')).toBe('REFUND-004');
  });

  it('picks the language asked for', () => {
    const entry = {
      id: '1',
      at: new Date(),
      actorId: null,
      actorRole: 'SYSTEM' as const,
      action: 'RELEASE_PUBLISHED',
      subjectType: 'RELEASE',
      subjectId: '3',
      summary: { fr: 'Version 3 publiée.', en: 'Release 3 published.' },
      details: {},
      requestId: null,
    };
    expect(summaryIn(entry, 'fr')).toBe('Version 3 publiée.');
    expect(summaryIn(entry, 'en')).toBe('Release 3 published.');
  });
});
