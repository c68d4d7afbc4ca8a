import type { EntityManager } from 'typeorm';

/**
 * How often each stem occurs in `pepin.search`, as PostgreSQL's own statistics know it
 * (`pg_stats.most_common_elems` and their frequencies, kept by ANALYZE and autovacuum): an
 * inverse document frequency maintained for free. The similar search receives them as array
 * parameters instead of reading `pg_stats` itself: that view (privilege checks, a CASE per
 * statistics slot) cost about 1 ms of parsing, rewriting and planning on every search, and
 * 0.8 ms of execution, where the bare full-text query takes about 1 ms in all
 * (bench/similar-recall.mjs).
 */
export interface StemShares {
  /** The most common stems, at most `10 × default_statistics_target`. */
  readonly lexemes: readonly string[];
  /** The share of pépins having each stem (`real`, as PostgreSQL keeps it), same order. */
  readonly shares: readonly number[];
  /** What an unlisted stem is assumed to weigh: half the rarest listed share; 1 without statistics. */
  readonly rarest: number;
  /** The table's row estimate (`pg_class.reltuples`), -1 or 0 before the first ANALYZE. */
  readonly rows: number;
}

/**
 * `most_common_elem_freqs` ends with two or three more numbers (the lowest and highest share,
 * and the share of nulls) after one per stem: the stems are paired with the first numbers, and
 * "the rarest" is the lowest of them all, as when the search unnested the two arrays itself.
 * Every number stays a `real` on the way back (`$n::real[]`), so the weights are the same bits.
 */
const READ = `SELECT coalesce(s.lexemes, '{}') AS lexemes,
    coalesce(s.freqs[1:cardinality(s.lexemes)], '{}') AS shares,
    coalesce((SELECT min(f) / 2 FROM unnest(s.freqs) f), 1)::real AS rarest,
    (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'pepin'::regclass) AS rows
  FROM (SELECT 1) one LEFT JOIN (
    SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS freqs FROM pg_stats
    WHERE schemaname = current_schema() AND tablename = 'pepin' AND attname = 'search'
  ) s ON true`;

export async function readStemShares(manager: EntityManager): Promise<StemShares> {
  const [row] = (await manager.query(READ)) as { lexemes: string[]; shares: number[]; rarest: number; rows: number }[];
  if (!row) throw new Error('pepin has no row in pg_class');
  return { lexemes: row.lexemes, shares: row.shares.map(Number), rarest: Number(row.rarest), rows: Number(row.rows) };
}

/**
 * The stem shares an instance searches with: read once, then again in the background when
 * older than `maxAgeMs` (the search meanwhile uses the ones it has), or at once by `refresh`.
 *
 * Instances may therefore weigh stems differently for up to `maxAgeMs` after an ANALYZE, and
 * rank the same typed text slightly differently. That is acceptable: the statistics are a
 * sample that ANALYZE redraws anyway (two ANALYZEs of the same table already give other
 * shares), a stem's share moves little between two ANALYZEs of a table that is not new, and
 * the search suggests pépins, it decides nothing.
 */
export class StemShareCache {
  private current: StemShares | null = null;
  private readAtMs = 0;
  private reading: Promise<StemShares> | null = null;
  private generation = 0;

  constructor(
    private readonly read: () => Promise<StemShares>,
    private readonly nowMs: () => number,
    private readonly maxAgeMs: number,
  ) {}

  async get(): Promise<StemShares> {
    if (this.current === null) return this.reading ?? this.refresh();
    if (this.reading === null && this.nowMs() - this.readAtMs > this.maxAgeMs) {
      // A failed read keeps the shares held; the next search past the age tries again.
      this.refresh().catch(() => undefined);
    }
    return this.current;
  }

  /** Reads the statistics now (after an ANALYZE, in tests and benchmarks); later reads win. */
  refresh(): Promise<StemShares> {
    const generation = ++this.generation;
    const reading = this.read().then(
      (shares) => {
        if (generation === this.generation) {
          this.current = shares;
          this.readAtMs = this.nowMs();
        }
        return shares;
      },
    );
    const settle = () => {
      if (this.reading === reading) this.reading = null;
    };
    reading.then(settle, settle);
    this.reading = reading;
    return reading;
  }
}
