import { useCallback, useState } from 'react';
import type { RuleEntry } from '@pepite/rulebook-client';

/** Per rule key, the revision the operator last opened (or acknowledged with "mark all"). */
type SeenMap = Readonly<Record<string, number>>;
export type ChangeMark = 'new' | 'changed' | undefined;

const SEEN_KEY = 'pepite.desktop.seen';

function readSeen(): SeenMap | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(SEEN_KEY) ?? 'null') as unknown;
    return value && typeof value === 'object' ? (value as SeenMap) : undefined;
  } catch {
    return undefined;
  }
}

function writeSeen(seen: SeenMap): SeenMap {
  localStorage.setItem(SEEN_KEY, JSON.stringify(seen));
  return seen;
}

export function markOf(seen: SeenMap | undefined, rule: RuleEntry): ChangeMark {
  // Before the first rulebook is ever shown nothing is "new": everything would be.
  if (!seen) return undefined;
  const revision = seen[rule.key];
  if (revision === undefined) return 'new';
  return revision < rule.revision ? 'changed' : undefined;
}

export interface SeenStore {
  readonly mark: (rule: RuleEntry) => ChangeMark;
  readonly markSeen: (rule: RuleEntry) => void;
  readonly markAllSeen: (rules: readonly RuleEntry[]) => void;
  /** The first rulebook on this desktop becomes the baseline (nothing marked). */
  readonly baseline: (rules: readonly RuleEntry[]) => void;
}

export function useSeen(): SeenStore {
  const [seen, setSeen] = useState<SeenMap | undefined>(readSeen);
  const mark = useCallback((rule: RuleEntry) => markOf(seen, rule), [seen]);
  const markSeen = useCallback((rule: RuleEntry) => {
    setSeen((current) =>
      current?.[rule.key] === rule.revision ? current : writeSeen({ ...current, [rule.key]: rule.revision }),
    );
  }, []);
  const markAllSeen = useCallback((rules: readonly RuleEntry[]) => {
    setSeen((current) =>
      writeSeen({ ...current, ...Object.fromEntries(rules.map((rule) => [rule.key, rule.revision])) }),
    );
  }, []);
  const baseline = useCallback((rules: readonly RuleEntry[]) => {
    setSeen((current) => current ?? writeSeen(Object.fromEntries(rules.map((rule) => [rule.key, rule.revision]))));
  }, []);
  return { mark, markSeen, markAllSeen, baseline };
}
