import { RequestBatcher } from './request-batcher';

describe('request batcher', () => {
  it('fetches the keys of one tick in one call, each key once per request', async () => {
    const batcher = new RequestBatcher();
    const calls: string[][] = [];
    const fetch = async (keys: readonly string[]) => {
      calls.push([...keys]);
      return new Map(keys.map((key) => [key, key.toUpperCase()]));
    };
    const request = {};
    const values = await Promise.all(['a', 'b', 'a', 'c'].map((key) => batcher.load(request, 'letters', key, fetch)));
    expect(values).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(await batcher.load(request, 'letters', 'b', fetch)).toBe('B');
    expect(calls).toHaveLength(1);
    // Another request starts with an empty cache.
    await batcher.load({}, 'letters', 'b', fetch);
    expect(calls).toHaveLength(2);
  });

  it('answers undefined for a key the fetch did not find, and rejects every key of a failed batch', async () => {
    const batcher = new RequestBatcher();
    expect(await batcher.load({}, 'x', 'missing', async () => new Map<string, string>())).toBeUndefined();
    const failing = async (): Promise<Map<string, string>> => {
      throw new Error('database down');
    };
    const request = {};
    await expect(
      Promise.all([batcher.load(request, 'y', '1', failing), batcher.load(request, 'y', '2', failing)]),
    ).rejects.toThrow('database down');
  });

  it('holds an `afterOthers` batch until the other batches of the request have landed, then fetches once', async () => {
    const batcher = new RequestBatcher();
    const calls: string[][] = [];
    const names = async (keys: readonly string[]) => {
      calls.push([...keys]);
      return new Map(keys.map((key) => [key, `name of ${key}`]));
    };
    const slow = async (keys: readonly string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Map(keys.map((key) => [key, `${key}-author`]));
    };
    const request = {};
    // One name is known at once; two more only once a slower batch (supporters, history) lands.
    const direct = batcher.load(request, 'people', 'reporter', names, { afterOthers: true });
    const revealed = ['a', 'b'].map(async (key) => {
      const author = (await batcher.load(request, 'supporters', key, slow)) as string;
      return batcher.load(request, 'people', author, names, { afterOthers: true });
    });
    expect(await Promise.all([direct, ...revealed])).toEqual([
      'name of reporter',
      'name of a-author',
      'name of b-author',
    ]);
    expect(calls).toEqual([['reporter', 'a-author', 'b-author']]);
  });
});
