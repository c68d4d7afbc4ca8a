import { applyChanges } from './changes';
import { RulebookError } from './errors';
import { sha256Hex } from './verify';
import { changesBetween, newKeys, release, rule } from './testing/fixtures';

const keys = newKeys();

describe('applyChanges', () => {
  const v1 = release(keys, 1, [rule('A'), rule('B'), rule('C')]);
  const v3 = release(
    keys,
    3,
    [rule('A'), rule('B', { revision: 2, statement: 'New wording' }), rule('D', { title: 'Nouvelle règle' })],
    {
      added: ['D'],
      amended: ['B'],
      retired: ['C'],
    },
  );

  it('rebuilds exactly the signed bytes of the target release', async () => {
    const rebuilt = applyChanges(v1.snapshot, changesBetween(v1, v3));
    expect(Buffer.from(rebuilt.bytes).equals(v3.bytes)).toBe(true);
    expect(await sha256Hex(rebuilt.bytes)).toBe(v3.sha256);
    expect(rebuilt.snapshot).toEqual(v3.snapshot);
  });

  it('keeps rules sorted by key whatever order the changes list them in', () => {
    const changes = changesBetween(v1, v3);
    const rebuilt = applyChanges(v1.snapshot, { ...changes, added: [...changes.added].reverse() });
    expect(rebuilt.snapshot.rules.map((entry) => entry.key)).toEqual(['A', 'B', 'D']);
  });

  it('gives different bytes when the changes lie (so the hash check fails)', async () => {
    const changes = changesBetween(v1, v3);
    const lying = { ...changes, retired: [] };
    expect(await sha256Hex(applyChanges(v1.snapshot, lying).bytes)).not.toBe(v3.sha256);
  });

  it('refuses changes computed from another base version', () => {
    const v2 = release(keys, 2, [rule('A')]);
    expect(() => applyChanges(v2.snapshot, changesBetween(v1, v3))).toThrow(RulebookError);
  });
});
