import DataLoader from 'dataloader';

export interface BatchOptions {
  /**
   * Wait until the request's other batches have landed before fetching, so that the keys
   * they reveal join the same batch: the names of the people a page of pépins, their
   * supporters and their histories mention are then one query, not one per field.
   */
  readonly afterOthers?: boolean;
}

/** What one GraphQL request (one context object) has batched so far. */
interface RequestState {
  readonly loaders: Map<string, DataLoader<string, unknown>>;
  /** Fetches under way, `afterOthers` ones left out. */
  inFlight: number;
  /** Called when `inFlight` falls back to zero. */
  readonly onIdle: (() => void)[];
}

/**
 * Per-request batching for field resolvers, on DataLoader: every key asked during one tick
 * is fetched with one call, and each key at most once per GraphQL request (the context
 * object). A list of fifty pépins then costs one query per field, not fifty.
 */
export class RequestBatcher {
  private readonly perRequest = new WeakMap<object, RequestState>();

  load<V>(
    context: object,
    name: string,
    key: string,
    fetch: (keys: readonly string[]) => Promise<Map<string, V>>,
    options: BatchOptions = {},
  ): Promise<V | undefined> {
    let state = this.perRequest.get(context);
    if (!state) {
      state = { loaders: new Map(), inFlight: 0, onIdle: [] };
      this.perRequest.set(context, state);
    }
    let loader = state.loaders.get(name) as DataLoader<string, V | undefined> | undefined;
    if (!loader) {
      const request = state;
      loader = options.afterOthers
        ? new DataLoader<string, V | undefined>(async (keys) => valuesOf(keys, await fetch(keys)), {
            batchScheduleFn: (dispatch) => whenOthersLanded(request, dispatch),
          })
        : new DataLoader<string, V | undefined>(async (keys) => {
            request.inFlight += 1;
            try {
              return valuesOf(keys, await fetch(keys));
            } finally {
              request.inFlight -= 1;
              if (request.inFlight === 0) request.onIdle.splice(0).forEach((resume) => resume());
            }
          });
      state.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader.load(key);
  }
}

function valuesOf<V>(keys: readonly string[], values: Map<string, V>): (V | undefined)[] {
  return keys.map((one) => values.get(one));
}

/**
 * After the current macrotask (by then the other loaders of the tick have dispatched), and
 * again after each of their fetches lands (the resolvers they unblock may ask more keys).
 */
function whenOthersLanded(request: RequestState, dispatch: () => void): void {
  setImmediate(() => {
    if (request.inFlight > 0) request.onIdle.push(() => whenOthersLanded(request, dispatch));
    else dispatch();
  });
}
