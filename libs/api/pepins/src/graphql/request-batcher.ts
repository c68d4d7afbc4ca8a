/**
 * Per-request batching for field resolvers: every key asked during one turn of the event
 * loop is fetched with one call, and each key at most once per GraphQL request (the
 * context object). Lists of pépins then cost one query per field, not one per pépin.
 */
export class RequestBatcher {
  private readonly perRequest = new WeakMap<object, Map<string, Loader<unknown>>>();

  load<V>(
    context: object,
    name: string,
    key: string,
    fetch: (keys: readonly string[]) => Promise<Map<string, V>>,
  ): Promise<V | undefined> {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = new Map();
      this.perRequest.set(context, loaders);
    }
    let loader = loaders.get(name) as Loader<V> | undefined;
    if (!loader) {
      loader = new Loader<V>(fetch);
      loaders.set(name, loader as Loader<unknown>);
    }
    return loader.load(key);
  }
}

class Loader<V> {
  private readonly cache = new Map<string, Promise<V | undefined>>();
  private pending: { key: string; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly fetch: (keys: readonly string[]) => Promise<Map<string, V>>) {}

  load(key: string): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.fetch([...new Set(batch.map((item) => item.key))]);
      for (const item of batch) item.resolve(values.get(item.key));
    } catch (error) {
      for (const item of batch) {
        this.cache.delete(item.key);
        item.reject(error);
      }
    }
  }
}
