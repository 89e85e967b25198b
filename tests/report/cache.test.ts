import { LruCache } from '../../src/report/cache';

describe('LruCache', () => {
  test('over capacity › the least recently used entry goes', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });
  test('getOrCompute › computes once per key', () => {
    const c = new LruCache<number>(4);
    let calls = 0;
    const f = () => ++calls;
    expect(c.getOrCompute('k', f)).toBe(1);
    expect(c.getOrCompute('k', f)).toBe(1);
    expect(calls).toBe(1);
  });
  test('capacity below 1 › RangeError', () => expect(() => new LruCache(0)).toThrow(RangeError));
});
