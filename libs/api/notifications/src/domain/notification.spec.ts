import { notificationDraft, type NotifyInput } from './notification';

const RECIPIENT = '0b5c1c1e-7a4e-4d8e-9f3a-2b6c4d8e0f1a';
const PEPIN = '3f0b8a52-6a55-4c1e-9a43-0d3c2a8f1b7e';
const valid: NotifyInput = {
  recipientIds: [RECIPIENT],
  kind: 'PEPIN_ACKNOWLEDGED',
  subjectType: 'PEPIN',
  subjectId: PEPIN,
  params: { reference: 'PEP-000123', release: 7, tags: ['a'], nested: { ok: null } },
};

describe('notificationDraft', () => {
  it('keeps a valid input, told once per recipient however the id is written', () => {
    const draft = notificationDraft({ ...valid, recipientIds: [RECIPIENT, RECIPIENT.toUpperCase(), RECIPIENT] });
    expect(draft).toEqual({
      recipientIds: [RECIPIENT],
      kind: 'PEPIN_ACKNOWLEDGED',
      subjectType: 'PEPIN',
      subjectId: PEPIN,
      params: valid.params,
    });
  });

  it('defaults the subject to none and the params to {}', () => {
    const draft = notificationDraft({
      recipientIds: [],
      kind: 'VOTE_OPENED',
    });
    expect(draft).toMatchObject({ recipientIds: [], subjectType: null, subjectId: null, params: {} });
  });

  it.each<[string, Partial<NotifyInput>]>([
    ['a recipient that is not a UUID', { recipientIds: [RECIPIENT, 'bob'] }],
    ['a kind that is not SCREAMING_SNAKE_CASE', { kind: 'pepinAcknowledged' }],
    ['a kind longer than 60', { kind: 'A'.repeat(61) }],
    ['a subject type without its id', { subjectId: undefined }],
    ['a subject id without its type', { subjectType: undefined }],
    ['a subject type longer than 40', { subjectType: 'P'.repeat(41) }],
    ['a subject id that is not a UUID', { subjectId: 'PEP-000123' }],
    ['a kind the renderer has no words for', { kind: 'PEPIN_EATEN' }],
    ['the legacy kind, which only the migration writes', { kind: 'LEGACY_TEXT' }],
    ['params that are not a plain object', { params: new Map() as unknown as Record<string, unknown> }],
    ['params holding a date', { params: { at: new Date() } }],
    ['params holding undefined', { params: { at: undefined } }],
    ['params holding NaN', { params: { n: Number.NaN } }],
  ])('refuses %s', (_name, change) => {
    expect(() => notificationDraft({ ...valid, ...change })).toThrow(/^notify: /);
  });
});
