// "Did you mean …?" for misspelt field names of an import document.
//
// The edit distance is written here rather than taken from a library: it counts the swap of
// two neighbours as one edit (optimal string alignment), so `titel` is one edit from `title`;
// plain Levenshtein libraries (fastest-levenshtein) count it as two and would suggest less.

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Edits (insertion, deletion, substitution, swap of two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name `name` was probably meant to be (`titel` → `title`, `effective_from` → `effectiveFrom`). */
export function closestFieldName(name: string, known: readonly string[]): string | undefined {
  const squashed = squash(name);
  const exact = known.find((candidate) => squash(candidate) === squashed);
  if (exact) return exact;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(squashed, squash(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  const tolerated = best.name.length <= 4 ? 1 : best.name.length <= 9 ? 2 : 3;
  return best.distance <= tolerated ? best.name : undefined;
}
