import { Subscription, type Observable } from 'rxjs';

export interface AsyncIteratorOptions {
  /**
   * Values waiting for a consumer that does not pull them. Past this the iterator fails
   * rather than grow without bound (a client that stopped reading its socket).
   */
  readonly maxBuffered?: number;
  /** Called exactly once, when the iteration ends for whatever reason. */
  readonly onFinish?: () => void;
}

/**
 * Reads an Observable as an AsyncIterableIterator: what a GraphQL subscription resolver
 * returns. Subscribes at once. `return()` (a client that unsubscribes or disconnects) and
 * `throw()` unsubscribe and drop what is buffered; when the source completes or fails, what
 * is buffered is delivered first, then the end or the error.
 */
export function observableAsyncIterator<T>(
  source: Observable<T>,
  options: AsyncIteratorOptions = {},
): AsyncIterableIterator<T> {
  const maxBuffered = options.maxBuffered ?? 1000;
  const buffered: T[] = [];
  const pulls: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }[] = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  // Created first so that a source ending while being subscribed to is let go of at once.
  const subscription = new Subscription();

  /** Ends the iteration; what is buffered is still delivered unless the consumer left. */
  const finish = (dropBuffered: boolean) => {
    if (dropBuffered) buffered.length = 0;
    if (finished) return;
    finished = true;
    subscription.unsubscribe();
    // Pending pulls mean the buffer is empty: they get the end (or the failure) now.
    for (const pull of pulls.splice(0)) {
      if (failure) pull.reject(takeFailure());
      else pull.resolve({ value: undefined, done: true });
    }
    options.onFinish?.();
  };
  const fail = (error: unknown, dropBuffered = false) => {
    if (finished) return;
    failure = { error };
    finish(dropBuffered);
  };
  /** A failure is reported once; the iterator is done afterwards. */
  const takeFailure = (): unknown => {
    const error = failure?.error;
    failure = undefined;
    return error;
  };

  subscription.add(
    source.subscribe({
      next: (value) => {
        if (finished) return;
        const pull = pulls.shift();
        if (pull) pull.resolve({ value, done: false });
        else if (buffered.length < maxBuffered) buffered.push(value);
        else fail(new Error(`subscriber fell more than ${maxBuffered} events behind`), true);
      },
      error: (error: unknown) => fail(error),
      complete: () => finish(false),
    }),
  );

  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (buffered.length > 0) return Promise.resolve({ value: buffered.shift() as T, done: false });
      if (failure) return Promise.reject(takeFailure());
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => pulls.push({ resolve, reject }));
    },
    return() {
      failure = undefined;
      finish(true);
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      failure = undefined;
      finish(true);
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
