/**
 * Publications of this instance, one at a time. They all take the rulebook counter's lock;
 * twenty at once each held a pool connection while waiting for it, which emptied the pool
 * and failed unrelated requests. Waiting here holds no connection: each one takes its
 * connection when its turn comes. Across instances, at most one connection per instance
 * waits on the lock. (A promise chain: six lines, not worth a dependency.)
 */
export class PublicationQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(work, work);
    // The next waits for this one to settle, whatever its outcome.
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
