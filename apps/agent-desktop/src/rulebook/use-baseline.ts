import { useEffect } from 'react';
import type { RuleEntry, RulebookSnapshot } from '@pepite/rulebook-client';

/** The first rulebook this desktop ever shows is the baseline of the "new" / "changed" marks. */
export function useBaseline(
  snapshot: RulebookSnapshot | undefined,
  baseline: (rules: readonly RuleEntry[]) => void,
): void {
  useEffect(() => {
    if (snapshot) baseline(snapshot.rules);
  }, [snapshot, baseline]);
}
