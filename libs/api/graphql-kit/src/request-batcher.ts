import DataLoader from 'dataloader';

/**
 * Per-request batching for field resolvers, on DataLoader: every key asked during one tick
 * is fetched with one call, and each key at most once per GraphQL request (the context
 * object). A list of fifty pépins then costs one query per field, not fifty.
 */
export class RequestBatcher {
  private readonly perRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

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
    let loader = loaders.get(name) as DataLoader<string, V | undefined> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V | undefined>(async (keys) => {
        const values = await fetch(keys);
        return keys.map((one) => values.get(one));
      });
      loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader.load(key);
  }
}
