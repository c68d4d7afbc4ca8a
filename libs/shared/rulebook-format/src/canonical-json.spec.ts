import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'é' }, u: undefined });
    const b = canonicalJson({ a: { c: 'é', d: [3, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"é","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(b).toBe(a);
  });

  it('keeps array order and writes dates as ISO strings', () => {
    expect(canonicalJson([2, 1, undefined])).toBe('[2,1,null]');
    expect(canonicalJson({ at: new Date('2026-01-05T00:00:00Z') })).toBe('{"at":"2026-01-05T00:00:00.000Z"}');
  });

  it('refuses what JSON cannot say exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
