/**
 * Lower case without diacritics, so "echeance" finds "Échéance" and "helene" finds "Hélène".
 * Every combining mark goes (`\p{M}`, not only `\p{Diacritic}`, which also matches spacing
 * characters such as ^ and `); letters that are not a base letter plus a mark stay as they
 * are ("Œ" → "œ", "ß" stays), so they remain searchable as typed.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC');
}

/** Whether `haystack` contains `needle`, accents and case aside. */
export function includesFolded(haystack: string, needle: string): boolean {
  return foldText(haystack).includes(foldText(needle));
}
