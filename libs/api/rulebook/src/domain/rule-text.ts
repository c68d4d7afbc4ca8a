// How rule texts are counted and normalised, so the same text always compares equal.

/** Number of characters as a person counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Trims and writes every line break as `\n`, so the same text always compares equal. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Trimmed, lower-case, NFC, without duplicates, in first-seen order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normal = tag.trim().normalize('NFC').toLowerCase();
    if (normal !== '') seen.add(normal);
  }
  return [...seen];
}
