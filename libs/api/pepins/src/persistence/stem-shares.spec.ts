import { StemShareCache, type StemShares } from './stem-shares';

function sharesOf(rows: number): StemShares {
  return { lexemes: ['client'], shares: [0.5], rarest: 0.25, rows };
}

/** A read that resolves when the test says so, counting the calls. */
function controlledReads() {
  const pending: ((shares: StemShares) => void)[] = [];
  const read = () => new Promise<StemShares>((resolve) => pending.push(resolve));
  return { read, pending };
}

describe('StemShareCache', () => {
  it('reads once, then answers from memory until the shares are older than the maximum age', async () => {
    let now = 0;
    let reads = 0;
    const cache = new StemShareCache(async () => sharesOf(++reads), () => now, 60_000);
    expect((await cache.get()).rows).toBe(1);
    now = 60_000;
    expect((await cache.get()).rows).toBe(1);
    expect(reads).toBe(1);
    now = 60_001;
    // Past the age: the held shares answer while a read starts in the background.
    expect((await cache.get()).rows).toBe(1);
    expect(reads).toBe(2);
    expect((await cache.get()).rows).toBe(2);
  });

  it('shares the first read between concurrent searches', async () => {
    const { read, pending } = controlledReads();
    const cache = new StemShareCache(read, () => 0, 60_000);
    const both = Promise.all([cache.get(), cache.get()]);
    expect(pending).toHaveLength(1);
    pending[0]?.(sharesOf(7));
    expect((await both).map((shares) => shares.rows)).toEqual([7, 7]);
  });

  it('keeps the latest explicit refresh even when an older read ends after it', async () => {
    const { read, pending } = controlledReads();
    const cache = new StemShareCache(read, () => 0, 60_000);
    const first = cache.refresh();
    const second = cache.refresh();
    pending[1]?.(sharesOf(2));
    await second;
    pending[0]?.(sharesOf(1));
    await first;
    expect((await cache.get()).rows).toBe(2);
  });

  it('keeps the held shares when a background read fails, and tries again on the next search', async () => {
    let now = 0;
    let fail = false;
    let reads = 0;
    const cache = new StemShareCache(
      async () => {
        reads += 1;
        if (fail) throw new Error('statistics unavailable');
        return sharesOf(reads);
      },
      () => now,
      1_000,
    );
    await cache.get();
    fail = true;
    now = 2_000;
    expect((await cache.get()).rows).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get()).rows).toBe(1);
    expect(reads).toBe(3);
  });
});
