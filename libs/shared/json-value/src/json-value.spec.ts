import { isJsonValue, isPlainObject } from './json-value';

describe('isJsonValue', () => {
  it.each([null, 'texte', 0, -1.5, true, [], [1, 'a', null], {}, { a: { b: [1, { c: 'd' }] } }, Object.create(null)])(
    'accepts %p, which reads back from JSON unchanged',
    (value) => {
      expect(isJsonValue(value)).toBe(true);
      if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) return;
      expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    },
  );

  it.each([undefined, NaN, Infinity, () => 1, new Date(0), { a: undefined }, [1, undefined], { at: new Date(0) }, new Map()])(
    'refuses %p, which JSON would drop or change',
    (value) => {
      expect(isJsonValue(value)).toBe(false);
    },
  );
});

describe('isPlainObject', () => {
  it('tells object literals from arrays, dates and class instances', () => {
    class Thing {}
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
    expect(isPlainObject(new Thing())).toBe(false);
    expect(isPlainObject(null)).toBe(false);
  });
});
