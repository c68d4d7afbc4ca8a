import { Observable, Subject } from 'rxjs';
import { observableAsyncIterator } from './observable-async-iterator';

describe('observableAsyncIterator', () => {
  it('delivers values in order, whether they arrive before or after they are pulled', async () => {
    const source = new Subject<number>();
    const iterator = observableAsyncIterator(source);
    source.next(1);
    source.next(2);
    await expect(iterator.next()).resolves.toEqual({ value: 1, done: false });
    await expect(iterator.next()).resolves.toEqual({ value: 2, done: false });
    const third = iterator.next();
    const fourth = iterator.next();
    source.next(3);
    source.next(4);
    await expect(third).resolves.toEqual({ value: 3, done: false });
    await expect(fourth).resolves.toEqual({ value: 4, done: false });
  });

  it('unsubscribes from the source and ends pending pulls when the consumer returns', async () => {
    const source = new Subject<number>();
    const onFinish = jest.fn();
    const iterator = observableAsyncIterator(source, { onFinish });
    expect(source.observed).toBe(true);
    const pending = iterator.next();
    await expect(iterator.return?.()).resolves.toEqual({ value: undefined, done: true });
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(source.observed).toBe(false);
    source.next(1);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    await iterator.return?.();
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('drains what is buffered before reporting the end of the source', async () => {
    const source = new Subject<string>();
    const onFinish = jest.fn();
    const iterator = observableAsyncIterator(source, { onFinish });
    source.next('a');
    source.complete();
    expect(onFinish).toHaveBeenCalledTimes(1);
    const seen: string[] = [];
    for await (const value of iterator) seen.push(value);
    expect(seen).toEqual(['a']);
  });

  it('reports a failure of the source once, after what is buffered', async () => {
    const source = new Subject<string>();
    const iterator = observableAsyncIterator(source);
    source.next('a');
    source.error(new Error('boom'));
    await expect(iterator.next()).resolves.toEqual({ value: 'a', done: false });
    await expect(iterator.next()).rejects.toThrow('boom');
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('gives up on a consumer that falls too far behind, and lets go of the source', async () => {
    const source = new Subject<number>();
    const iterator = observableAsyncIterator(source, { maxBuffered: 2 });
    [1, 2, 3].forEach((n) => source.next(n));
    expect(source.observed).toBe(false);
    await expect(iterator.next()).rejects.toThrow('subscriber fell more than 2 events behind');
  });

  it('copes with a source that ends while it is being subscribed to', async () => {
    const onFinish = jest.fn();
    const iterator = observableAsyncIterator(
      new Observable<number>((subscriber) => {
        subscriber.next(7);
        subscriber.complete();
      }),
      { onFinish },
    );
    expect(onFinish).toHaveBeenCalledTimes(1);
    await expect(iterator.next()).resolves.toEqual({ value: 7, done: false });
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
