import { defineErrors, fixedText } from './domain-error';
import { ErrorCode } from './error-code';

describe('fixedText', () => {
  it('makes the same error as the object form, in both languages, with its reason', () => {
    const errors = defineErrors({
      short: fixedText(ErrorCode.NOT_FOUND, 'Ce pépin est introuvable.', 'This pépin was not found.'),
      long: {
        code: ErrorCode.NOT_FOUND,
        fr: (_: void) => 'Ce pépin est introuvable.',
        en: (_: void) => 'This pépin was not found.',
      },
    });
    const [short, long] = [errors.short(), errors.long()];
    expect(short.code).toBe(long.code);
    expect(short.text).toEqual(long.text);
    expect(short.messageIn('fr')).toBe('Ce pépin est introuvable.');
    expect(short.messageIn('en')).toBe('This pépin was not found.');
    expect(short.details).toEqual({ reason: 'short' });
  });
});
