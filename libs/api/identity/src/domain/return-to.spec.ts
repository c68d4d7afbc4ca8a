import { safeReturnPath } from './return-to';

describe('safeReturnPath', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeReturnPath('/triage?status=NEW#top')).toBe('/triage?status=NEW#top');
    expect(safeReturnPath('/desktop/')).toBe('/desktop/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    'triage',
    '/a\u0000b',
    '/a\\b',
    `/${'a'.repeat(600)}`,
    '',
    undefined,
    ['/triage'],
  ])('turns %p into /', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});
